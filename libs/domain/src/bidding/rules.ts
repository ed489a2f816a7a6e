import type { Actor } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';
import { toMs } from '../shared/time';
import type { NoticeState, TenderState } from '../tender/state';
import type { NoticeTerms } from '../tender/terms';
import type { BidCommand } from './commands';
import type { BidDecisionState, BidState } from '../tender/bid-state';

export type Command<Type extends BidCommand['type']> = Extract<BidCommand, { type: Type }>;

/** A tender suppliers can see: published at least once. */
export type PublicTender = TenderState & {
  tenderId: string;
  notice: NoticeState & { terms: NoticeTerms };
};

/**
 * Who may act on a bid, on which tender: a supplier, on a published tender (a draft is not public, so
 * it does not exist for suppliers), on its own bid stream.
 */
export function requireBidder(actor: Actor, tender: TenderState, bid: BidState): PublicTender {
  if (actor.role !== 'supplier') {
    throw new DomainError('ROLE_NOT_ALLOWED', `Only a supplier may bid; you act as ${actor.role}`, {
      role: actor.role,
      allowed: ['supplier'],
    });
  }
  if (
    tender.stage === 'none' ||
    tender.stage === 'draft' ||
    !tender.tenderId ||
    !tender.notice.terms
  ) {
    throw new DomainError('TENDER_NOT_FOUND', 'There is no such tender');
  }
  if (bid.supplierId !== undefined && bid.supplierId !== actor.organisationId) {
    throw new DomainError('NOT_YOUR_ORGANISATION', 'This bid belongs to another supplier');
  }
  return tender as PublicTender;
}

/**
 * The server clock decides (docs/rules.md#lifecycle): late means at or after the current submission deadline,
 * amendments included, whatever the stage and whether or not the close job has run.
 */
export function isLate(tender: PublicTender, now: Date): boolean {
  return now.getTime() >= toMs(tender.notice.terms.submissionDeadline);
}

export function lateBid(tender: PublicTender, now: Date, record: DomainEvent[] = []): DomainError {
  const { submissionDeadline } = tender.notice.terms;
  const receivedAt = now.toISOString();
  return new DomainError(
    'LATE_BID',
    `Received at ${receivedAt}, at or after the submission deadline ${submissionDeadline}: refused`,
    { submissionDeadline, receivedAt },
    record,
  );
}

export function requireTendering(tender: PublicTender): void {
  if (tender.stage !== 'tendering') {
    throw new DomainError('TENDERING_NOT_OPEN', `The tender is ${tender.stage}: bids are closed`, {
      stage: tender.stage,
    });
  }
}

export function requireSubmitted(bid: BidState): void {
  if (bid.status !== 'submitted') {
    throw new DomainError('BID_NOT_FOUND', 'You have no bid standing on this tender', {
      status: bid.status,
    });
  }
}

/**
 * What changing a standing bid needs: a supplier's own bid, submitted, on a tender still in tendering,
 * before the deadline. A late change is refused; nothing is recorded, as nothing new was offered.
 */
export function requireChangeableOwnBid(
  command: { actor: Actor; now: Date },
  { tender, bid }: BidDecisionState,
): PublicTender {
  const open = requireBidder(command.actor, tender, bid);
  if (isLate(open, command.now)) throw lateBid(open, command.now);
  requireTendering(open);
  requireSubmitted(bid);
  return open;
}
