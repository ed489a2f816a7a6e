import { DomainError } from '../shared/domain-error';
import type { BidRevised, BidSubmitted, LateBidRefused } from '../tender/events/bidding';
import {
  isLate,
  lateBid,
  requireBidder,
  requireSubmitted,
  requireTendering,
  type Command,
  type PublicTender,
} from './rules';
import type { BidDecisionState, BidState } from '../tender/bid-state';

/** First submission, or a new one after a withdrawal. */
export function submitBid(
  command: Command<'SubmitBid'>,
  { tender, bid }: BidDecisionState,
): BidSubmitted[] {
  const open = requireBidder(command.actor, tender, bid);
  if (isReplay(command, bid)) return [];
  refuseIfLate(command, open);
  requireTendering(open);
  if (bid.status === 'submitted') {
    throw new DomainError(
      'BID_ALREADY_SUBMITTED',
      'You already have a bid on this tender: revise or withdraw it',
      { receivedAt: bid.receivedAt },
    );
  }
  return [{ type: 'BidSubmitted', data: sealedFacts(command, open) }];
}

/** Replaces the standing bid; the new one is bid against the current notice version. */
export function reviseBid(
  command: Command<'ReviseBid'>,
  { tender, bid }: BidDecisionState,
): BidRevised[] {
  const open = requireBidder(command.actor, tender, bid);
  if (isReplay(command, bid)) return [];
  refuseIfLate(command, open);
  requireTendering(open);
  requireSubmitted(bid);
  return [{ type: 'BidRevised', data: sealedFacts(command, open) }];
}

type SealingCommand = Command<'SubmitBid'> | Command<'ReviseBid'>;

/**
 * A retry of a request already accepted, recognised by its Idempotency-Key: no new events, and the
 * handler returns the first result. Checked before lateness, so a retry after the deadline of a bid
 * accepted in time is still answered with its receipt, not refused.
 */
function isReplay(command: SealingCommand, bid: BidState): boolean {
  const key = command.idempotencyKey;
  if (key === undefined || !Object.hasOwn(bid.idempotencyKeys, key)) return false;
  if (bid.idempotencyKeys[key] === command.bid.contentHash) return true;
  throw new DomainError(
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for a different bid content',
    { idempotencyKey: key },
  );
}

/** The refusal of a late bid is itself recorded in the bid stream (docs/rules.md#sealed-bids). */
function refuseIfLate(command: SealingCommand, tender: PublicTender): void {
  if (!isLate(tender, command.now)) return;
  const refused: LateBidRefused = {
    type: 'LateBidRefused',
    data: {
      tenderId: tender.tenderId,
      supplierId: command.actor.organisationId,
      attemptedAt: command.now.toISOString(),
      submissionDeadline: tender.notice.terms.submissionDeadline,
      contentHash: command.bid.contentHash,
    },
  };
  throw lateBid(tender, command.now, [refused]);
}

function sealedFacts(command: SealingCommand, tender: PublicTender): BidSubmitted['data'] {
  const { contentHash, sizeBytes, sealed, documents } = command.bid;
  return {
    tenderId: tender.tenderId,
    supplierId: command.actor.organisationId,
    receivedAt: command.now.toISOString(),
    noticeVersion: tender.notice.version,
    contentHash,
    sizeBytes,
    sealed: { keyId: sealed.keyId, iv: sealed.iv, ciphertext: sealed.ciphertext, tag: sealed.tag },
    documents: documents.map(({ documentId, sizeBytes, sha256, sealedSha256 }) => ({
      documentId,
      sizeBytes,
      sha256,
      sealedSha256,
    })),
    ...(command.idempotencyKey === undefined ? {} : { idempotencyKey: command.idempotencyKey }),
  };
}
