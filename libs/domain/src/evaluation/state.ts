import type { Money } from '../notice/terms';
import type { ExclusionReasonCode } from './exclusion-reasons';

export interface ComplianceRecord {
  supplierId: string;
  contentHash: string;
  price: Money;
  decision: 'passed' | 'excluded';
  reasonCode?: ExclusionReasonCode;
  reasonText?: string;
  recordedAt: string;
  recordedBy: string;
}

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
  panel: string[];
  /** `${supplierId}/${criterionId}` → the agreed score of the current round. */
  moderated: Record<string, Moderation>;
}

export const initialEvaluationState = (): EvaluationState => ({
  round: 1,
  compliance: {},
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
