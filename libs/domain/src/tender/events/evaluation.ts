import type { Money } from '../terms';
import type { DomainEvent } from '../../shared/domain-event';
import type { ExclusionReasonCode } from '../exclusion-reasons';

/**
 * Tender-stream events of the evaluation. `round` starts at 1 and grows when an upheld challenge
 * sends the tender back to evaluation.
 */

/**
 * An officer's compliance decision on one opened bid. `contentHash` and `price` are read by the
 * server from the opened bid (never typed by the officer): from here on the price is on the record.
 */
export type BidComplianceRecorded = DomainEvent<
  'BidComplianceRecorded',
  {
    supplierId: string;
    contentHash: string;
    price: Money;
    decision: 'passed' | 'excluded';
    reasonCode?: ExclusionReasonCode;
    reasonText?: string;
    /**
     * What the excluded bid failed: an award criterion id of the notice, or a requirement named for
     * the reason code (`EXCLUSION_REQUIREMENTS`). Absent on exclusions recorded before it was asked.
     */
    requirement?: string;
    recordedAt: string;
    recordedBy: string;
    round: number;
  }
>;
/**
 * The evaluators (user ids) appointed to score every compliant bid. Replaces any earlier appointment.
 * v2: `acceptanceRequired` — the appointment binds a member only once it accepts
 * (`PanelMembershipAccepted`), since a user id alone proves nothing. v1 appointments (before
 * acceptance existed) upcast to `acceptanceRequired: false`: their members counted at once.
 */
export type EvaluationPanelAppointed = DomainEvent<
  'EvaluationPanelAppointed',
  {
    evaluatorIds: string[];
    appointedAt: string;
    appointedBy: string;
    round: number;
    acceptanceRequired: boolean;
  }
>;
/**
 * An appointed member accepted, with a token proving it an `evaluator` of the buyer's organisation:
 * from now it counts toward the panel and may act on the tender. In the tender stream, so the
 * award guard's expected revision covers it.
 */
export type PanelMembershipAccepted = DomainEvent<
  'PanelMembershipAccepted',
  { evaluatorId: string; organisationId: string; acceptedAt: string; round: number }
>;
/** The panel's agreed score for one criterion of one bid, with the reason where it differs. */
export type ScoreModerated = DomainEvent<
  'ScoreModerated',
  {
    supplierId: string;
    criterionId: string;
    agreedScore: number;
    evaluatorScores: number[];
    reason?: string;
    moderatedAt: string;
    moderatedBy: string;
    round: number;
  }
>;
/**
 * An agreed score outside the range of the scores its evaluators submitted (overriding a unanimous
 * panel is the case of a range of one point): a departure from the panel, which counts only once a
 * second, different officer confirms it (`ScoreModerationConfirmed`). A later request or agreed
 * score for the same cell replaces it.
 */
export type ScoreModerationRequested = DomainEvent<
  'ScoreModerationRequested',
  {
    supplierId: string;
    criterionId: string;
    agreedScore: number;
    evaluatorScores: number[];
    panelRange: { min: number; max: number };
    reason: string;
    requestedAt: string;
    requestedBy: string;
    round: number;
  }
>;
/** A second officer confirms the requested agreed score, with its own reason: from now it counts. */
export type ScoreModerationConfirmed = DomainEvent<
  'ScoreModerationConfirmed',
  {
    supplierId: string;
    criterionId: string;
    agreedScore: number;
    evaluatorScores: number[];
    panelRange: { min: number; max: number };
    reason: string;
    requestedAt: string;
    requestedBy: string;
    confirmationReason: string;
    confirmedAt: string;
    confirmedBy: string;
    round: number;
  }
>;
/** An upheld challenge sends the tender back to evaluation: every evaluator submits again. */
export type EvaluationReopened = DomainEvent<
  'EvaluationReopened',
  { round: number; reason: string; challengeId: string; reopenedAt: string }
>;

export type EvaluationTenderEvent =
  | BidComplianceRecorded
  | EvaluationPanelAppointed
  | PanelMembershipAccepted
  | ScoreModerated
  | ScoreModerationRequested
  | ScoreModerationConfirmed
  | EvaluationReopened;

/** Events of an evaluator's own stream `tender-<id>.evaluator-<userId>`. */
export type ConflictOfInterestDeclared = DomainEvent<
  'ConflictOfInterestDeclared',
  {
    evaluatorId: string;
    supplierId: string;
    conflict: boolean;
    /** Required when `conflict`: what the interest is. */
    statement?: string;
    declaredAt: string;
  }
>;
export type BidScored = DomainEvent<
  'BidScored',
  {
    evaluatorId: string;
    supplierId: string;
    criterionId: string;
    score: number;
    justification: string;
    scoredAt: string;
    round: number;
  }
>;
/** The evaluator's scores for the round are final; from now it may see the others' scores. */
export type EvaluationSubmitted = DomainEvent<
  'EvaluationSubmitted',
  { evaluatorId: string; round: number; submittedAt: string; scoredBids: string[] }
>;

export type EvaluatorEvent = ConflictOfInterestDeclared | BidScored | EvaluationSubmitted;

/** Every event type of an evaluator's stream `tender-<id>.evaluator-<evaluatorId>`: the one list. */
export const EVALUATOR_EVENT_TYPES = [
  'ConflictOfInterestDeclared',
  'BidScored',
  'EvaluationSubmitted',
] as const satisfies readonly EvaluatorEvent['type'][];
// Fails to compile when an evaluator event type is missing from the list.
const _everyEvaluatorEvent: Record<EvaluatorEvent['type'], true> = {
  ...Object.fromEntries(EVALUATOR_EVENT_TYPES.map((type) => [type, true])),
} as Record<(typeof EVALUATOR_EVENT_TYPES)[number], true>;
