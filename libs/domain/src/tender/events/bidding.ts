import type { DomainEvent } from '../../shared/domain-event';
import type { BidDocumentFacts, SealedContent } from '../bid-content';

/** Events of a supplier's bid stream `tender-<id>.bid-<supplierId>`. */
interface SealedBidFacts {
  tenderId: string;
  supplierId: string;
  /** Server receipt time. */
  receivedAt: string;
  /** The notice version the supplier bid against (rule 6). */
  noticeVersion: number;
  /** Hex SHA-256 of the canonical JSON of the plaintext: the commitment in the signed receipt. */
  contentHash: string;
  sizeBytes: number;
  sealed: SealedContent;
  /**
   * Since v2: the uploaded documents of the bid, whose bytes live in the document store, not in the
   * event (v1 events are upcast with none: their documents are inline in `sealed`).
   */
  documents: BidDocumentFacts[];
  /** Present when the request carried an Idempotency-Key. */
  idempotencyKey?: string;
}

export type BidSubmitted = DomainEvent<'BidSubmitted', SealedBidFacts>;
export type BidRevised = DomainEvent<'BidRevised', SealedBidFacts>;
export type BidWithdrawn = DomainEvent<
  'BidWithdrawn',
  { tenderId: string; supplierId: string; withdrawnAt: string; reason?: string }
>;
/** The supplier confirms its bid stands against an amended notice (rule 6). */
export type BidReconfirmed = DomainEvent<
  'BidReconfirmed',
  { tenderId: string; supplierId: string; confirmedAt: string; noticeVersion: number }
>;
/** Refused: arrived at or after the deadline. Recorded although nothing was accepted. */
export type LateBidRefused = DomainEvent<
  'LateBidRefused',
  {
    tenderId: string;
    supplierId: string;
    attemptedAt: string;
    submissionDeadline: string;
    contentHash: string;
  }
>;

export type BidEvent = BidSubmitted | BidRevised | BidWithdrawn | BidReconfirmed | LateBidRefused;

/** Every event type of a bid stream `tender-<id>.bid-<supplierId>`: the one list. */
export const BID_EVENT_TYPES = [
  'BidSubmitted',
  'BidRevised',
  'BidWithdrawn',
  'BidReconfirmed',
  'LateBidRefused',
] as const satisfies readonly BidEvent['type'][];
// Fails to compile when a bid event type is missing from the list.
const _everyBidEvent: Record<BidEvent['type'], true> = {
  ...Object.fromEntries(BID_EVENT_TYPES.map((type) => [type, true])),
} as Record<(typeof BID_EVENT_TYPES)[number], true>;
