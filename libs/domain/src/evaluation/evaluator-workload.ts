import type { TenderStage } from '../tender/state';
import type { TenderView } from '../tender/tender-view';
import { isSubstantiveText } from '../shared/substantive-text';
import { qualityCriteria, sheetOf, standingBids } from '../tender/bids-under-evaluation';

/** An evaluator's seat: named but not yet taken, taken, or left off a later appointment. */
export type PanelMembership = 'appointed' | 'accepted' | 'removed';

/**
 * `to-score`: it owes an acceptance, declarations, scores or its submission now. `done`: it submitted
 * its scores for the current round. `closed`: nothing is asked of it (off the panel, or the tender
 * left evaluation without its submission).
 */
export type AssignmentStatus = 'to-score' | 'done' | 'closed';

export const ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ['to-score', 'done', 'closed'];

/** What an evaluator's work on one tender follows from: the tender's facts and the evaluator's own. */
export interface EvaluatorWorkFacts {
  evaluatorId: string;
  stage: TenderStage;
  round: number;
  /** The latest appointment, and the members of it who count (see `EvaluationState`). */
  appointed: readonly string[];
  panel: readonly string[];
  /** Opened bids still standing, and the latest compliance decision on each decided one. */
  standingBids: readonly string[];
  compliance: Readonly<Record<string, 'passed' | 'excluded'>>;
  /** The criterion ids evaluators score (price is computed). */
  qualityCriteria: readonly string[];
  /** supplierId → whether the evaluator declared a conflict of interest with it. */
  declarations: Readonly<Record<string, boolean>>;
  /** supplierId → the criteria the evaluator scored with a written justification. */
  scored: Readonly<Record<string, readonly string[]>>;
  /** The last round the evaluator submitted, if any. */
  submittedRound: number | null;
}

/** What is asked of the evaluator on the tender, and how far it has got. */
export interface EvaluatorWorkload {
  membership: PanelMembership;
  status: AssignmentStatus;
  /** Compliant bids it has not declared a conflict with: the ones it scores. */
  bidsToScore: number;
  /** Standing bids without a compliance decision yet: they may still come to it. */
  bidsAwaitingCompliance: number;
  /** Compliant bids on which it has not declared whether it has a conflict. */
  declarationsDue: number;
  /** `bidsToScore` × quality criteria. */
  cellsExpected: number;
  /** Of those cells, the ones it scored with a justification. */
  cellsScored: number;
  submitted: boolean;
}

/** Where an evaluator stands on the latest appointment (one it was never named on counts as removed). */
export function panelMembership(
  evaluatorId: string,
  { appointed, panel }: Pick<EvaluatorWorkFacts, 'appointed' | 'panel'>,
): PanelMembership {
  if (panel.includes(evaluatorId)) return 'accepted';
  return appointed.includes(evaluatorId) ? 'appointed' : 'removed';
}

/**
 * What is still to score, on the rules `submitEvaluation` applies: a declaration on every compliant
 * bid, every quality criterion of each bid without a declared conflict scored with a justification,
 * every compliance decision made. A conflict declared after scoring takes the bid out of both counts.
 */
export function evaluatorWorkload(facts: EvaluatorWorkFacts): EvaluatorWorkload {
  const { compliance, declarations, scored } = facts;
  const compliant = facts.standingBids.filter((id) => compliance[id] === 'passed');
  const toScore = compliant.filter((id) => declarations[id] !== true);
  const cellsScored = toScore.reduce((sum, supplierId) => {
    const criteria = Object.hasOwn(scored, supplierId) ? scored[supplierId] : [];
    return sum + facts.qualityCriteria.filter((id) => criteria.includes(id)).length;
  }, 0);
  const membership = panelMembership(facts.evaluatorId, facts);
  const submitted = facts.submittedRound === facts.round;
  return {
    membership,
    status: submitted
      ? 'done'
      : membership !== 'removed' && facts.stage === 'evaluation'
        ? 'to-score'
        : 'closed',
    bidsToScore: toScore.length,
    bidsAwaitingCompliance: facts.standingBids.filter((id) => !Object.hasOwn(compliance, id))
      .length,
    declarationsDue: compliant.filter((id) => !Object.hasOwn(declarations, id)).length,
    cellsExpected: toScore.length * facts.qualityCriteria.length,
    cellsScored,
    submitted,
  };
}

/** Nothing left but to submit: every bid decided, declared on and scored. */
export const readyToSubmit = (work: EvaluatorWorkload) =>
  work.status === 'to-score' &&
  work.membership === 'accepted' &&
  work.bidsAwaitingCompliance === 0 &&
  work.declarationsDue === 0 &&
  work.cellsScored === work.cellsExpected;

/** The facts as the deciders see them on the tender's streams. */
export function evaluatorWorkFacts(view: TenderView, evaluatorId: string): EvaluatorWorkFacts {
  const { tender } = view;
  const sheet = sheetOf(view, evaluatorId);
  const compliance: Record<string, 'passed' | 'excluded'> = {};
  for (const [supplierId, record] of Object.entries(tender.evaluation.compliance))
    compliance[supplierId] = record.decision;
  const declarations: Record<string, boolean> = {};
  const scored: Record<string, string[]> = {};
  for (const [supplierId, declaration] of Object.entries(sheet?.declarations ?? {}))
    declarations[supplierId] = declaration.conflict;
  for (const [supplierId, scores] of Object.entries(sheet?.scores ?? {})) {
    scored[supplierId] = Object.entries(scores)
      .filter(([, score]) => isSubstantiveText(score.justification))
      .map(([criterionId]) => criterionId);
  }
  return {
    evaluatorId,
    stage: tender.stage,
    round: tender.evaluation.round,
    appointed: tender.evaluation.appointed,
    panel: tender.evaluation.panel,
    standingBids: standingBids(view),
    compliance,
    qualityCriteria: qualityCriteria(tender.notice.terms?.awardCriteria ?? []).map((c) => c.id),
    declarations,
    scored,
    submittedRound: sheet?.submittedRound ?? null,
  };
}
