import type { BidComplianceRecorded, ScoreModerationRequested } from './events/evaluation';

/** The latest compliance decision on a bid: the event's facts without the round it was made in. */
export type ComplianceRecord = Omit<BidComplianceRecorded['data'], 'round'>;

/** An agreed score that counts in the ranking. */
export interface Moderation {
  agreedScore: number;
  reason?: string;
  moderatedAt: string;
  /** The assessing evaluators' submitted scores (absent only in states stored before they were kept). */
  evaluatorScores?: number[];
  moderatedBy?: string;
  /** Outside the panel's range: the second officer who confirmed it, and why. */
  confirmedBy?: string;
  confirmedAt?: string;
  confirmationReason?: string;
}

/** An agreed score outside the panel's range, waiting for a second officer: it does not count. */
export type PendingModeration = Omit<ScoreModerationRequested['data'], 'round'>;

/** The evaluation as the tender stream records it (scores live in the evaluators' own streams). */
export interface EvaluationState {
  round: number;
  /** supplierId → the latest compliance decision. */
  compliance: Record<string, ComplianceRecord>;
  /** The user ids of the latest appointment, in its order. */
  appointed: string[];
  /**
   * The panel that counts: appointed members who accepted as evaluators of the buyer (or every
   * member of a v1 appointment), in appointment order.
   */
  panel: string[];
  /** `${supplierId}/${criterionId}` → the agreed score of the current round. */
  moderated: Record<string, Moderation>;
  /** `${supplierId}/${criterionId}` → the agreed score waiting for a second officer (this round). */
  pendingModerations?: Record<string, PendingModeration>;
  /** Requests replaced before a second officer confirmed them (this round): departures on the record. */
  supersededModerations?: PendingModeration[];
  /** Every officer who recorded, requested or confirmed an agreed score on this tender, any round. */
  moderators?: string[];
}

export const initialEvaluationState = (): EvaluationState => ({
  round: 1,
  compliance: {},
  appointed: [],
  panel: [],
  moderated: {},
});

export const moderationKey = (supplierId: string, criterionId: string) =>
  `${supplierId}/${criterionId}`;

export interface Declaration {
  conflict: boolean;
  statement?: string;
  declaredAt: string;
}

export interface Score {
  score: number;
  justification: string;
  scoredAt: string;
}

/** One evaluator's stream, folded. */
export interface EvaluatorSheet {
  evaluatorId: string;
  /** supplierId → declaration. */
  declarations: Record<string, Declaration>;
  /** supplierId → criterionId → latest score. */
  scores: Record<string, Record<string, Score>>;
  /** The last round this evaluator submitted. */
  submittedRound?: number;
  submittedAt?: string;
}

export const emptySheet = (evaluatorId: string): EvaluatorSheet => ({
  evaluatorId,
  declarations: {},
  scores: {},
});
