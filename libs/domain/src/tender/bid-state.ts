import type { TenderState } from './state';
import type { BidDocumentFacts, SealedContent } from './bid-content';

export type BidStatus = 'none' | 'submitted' | 'withdrawn';

/** One supplier's bid on one tender, folded from its bid stream. */
export interface BidState {
  status: BidStatus;
  tenderId?: string;
  supplierId?: string;
  /** Latest accepted version of the bid (submission or revision). */
  contentHash?: string;
  sizeBytes?: number;
  sealed?: SealedContent;
  documents?: BidDocumentFacts[];
  receivedAt?: string;
  firstReceivedAt?: string;
  /** Notice version the bid was made or last re-confirmed against. */
  noticeVersion?: number;
  revisionCount: number;
  /** Idempotency-Key → content hash of the submission it produced. */
  idempotencyKeys: Record<string, string>;
  lateAttempts: number;
}

export const initialBidState = (): BidState => ({
  status: 'none',
  revisionCount: 0,
  idempotencyKeys: {},
  lateAttempts: 0,
});

/** What a bid decision looks at: the tender (deadline, stage, notice version) and the bid itself. */
export interface BidDecisionState {
  tender: TenderState;
  bid: BidState;
}
