import type { BidComplianceRecorded } from './events';

/** The latest compliance decision on a bid: the event's facts without the round it was made in. */
export type ComplianceRecord = Omit<BidComplianceRecorded['data'], 'round'>;

export interface Moderation {
  agreedScore: number;
  reason?: string;
  moderatedAt: string;
}

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
