import type {
  AwardCriterion,
  AmendableTerms,
  Jurisdiction,
  Money,
  Procedure,
  ScoringScale,
  TenderingPeriodRecord,
  TenderStage,
} from '@fairtender/domain';

/**
 * Rows of the read-model tables, camelCase (columns are the snake_case of each key). Times are ISO
 * 8601 UTC strings; absent values are `null`. Queries return these shapes as they are.
 */
export interface Amendment {
  noticeVersion: number;
  changes: AmendableTerms;
  reason: string;
  amendedAt: string;
}

export interface TenderRow {
  tenderId: string;
  buyerOrganisationId: string;
  stage: Exclude<TenderStage, 'none'>;
  title: string | null;
  description: string | null;
  cpvCodes: string[] | null;
  estimatedValue: Money | null;
  procedure: Procedure | null;
  awardCriteria: AwardCriterion[] | null;
  scoringScale: ScoringScale | null;
  minimumBids: number | null;
  evaluatorCount: number | null;
  clarificationDeadline: string | null;
  submissionDeadline: string | null;
  minimumResponseDays: number | null;
  jurisdiction: Jurisdiction | null;
  /** 0 while a draft; 1 when published; +1 per amendment. */
  noticeVersion: number;
  draftedAt: string;
  publishedAt: string | null;
  /** The statutory minimum the notice was held to, as publication or the last deadline amendment recorded it. */
  tenderingPeriod: TenderingPeriodRecord | null;
  lastAmendedAt: string | null;
  closedAt: string | null;
  openedAt: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
  amendments: Amendment[];
  /**
   * The open challenges suspending the award (Procurement Act 2023 s.101: an award challenged in
   * standstill may not be entered into); empty when none. Public views show only whether it is.
   */
  awardSuspendedBy: string[];
  /** Revision of the last event of the tender stream: the stream's ETag. */
  lastRevision: number;
}

export interface ClarificationRow {
  tenderId: string;
  questionId: string;
  question: string;
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
  /** The asker: for the buyer's records, never in public answers. */
  supplierId: string;
}

export type BidRowStatus = 'none' | 'submitted' | 'withdrawn';

export interface BidRow {
  tenderId: string;
  supplierId: string;
  /** `none`: late attempts only, no bid ever accepted. */
  status: BidRowStatus;
  contentHash: string | null;
  sizeBytes: number | null;
  firstReceivedAt: string | null;
  receivedAt: string | null;
  /** Notice version the bid was made or last re-confirmed against. */
  noticeVersion: number | null;
  /** A submitted bid made against an older notice version than the tender's current one. */
  needsReconfirmation: boolean;
  revisionCount: number;
  receiptCount: number;
  withdrawnAt: string | null;
  lateAttempts: number;
  streamName: string | null;
  /** Revision of the last event of the bid stream: the stream's ETag. */
  lastRevision: number | null;
}

export interface BidReceiptRow {
  eventId: string;
  tenderId: string;
  supplierId: string;
  kind: 'submitted' | 'revised';
  contentHash: string;
  sizeBytes: number;
  receivedAt: string;
  streamName: string;
  revision: number;
  /** "<commit>-<prepare>": the global position of the event that accepted this version. */
  position: string;
  /** 1 for the first accepted version of the bid, then 2, 3, … */
  ordinal: number;
}
