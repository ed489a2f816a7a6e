import { evaluatorWorkload, isSubstantiveText, type EvaluatorWorkFacts } from '@fairtender/domain';
import { evolveRow, type ProjectedEvent, type RowHandlers } from '../runner/projected-event';
import type { AssignmentRow, EvaluationTenderRow, SeatFacts } from './assignments.table';

/** The evaluator's own stream into its row: declarations, justified scores, submissions. */
const sheetHandlers: RowHandlers<AssignmentRow> = {
  ConflictOfInterestDeclared: (row, data) =>
    row && { ...row, declarations: { ...row.declarations, [data.supplierId]: data.conflict } },
  BidScored: (row, data) => {
    if (!row) return row;
    const before = Object.hasOwn(row.scored, data.supplierId) ? row.scored[data.supplierId] : [];
    const others = before.filter((criterionId) => criterionId !== data.criterionId);
    // A later score replaces the earlier one: without a justification the cell is unscored again.
    const criteria = isSubstantiveText(data.justification) ? [...others, data.criterionId] : others;
    return { ...row, scored: { ...row.scored, [data.supplierId]: criteria } };
  },
  EvaluationSubmitted: (row, data) =>
    row && { ...row, submittedRound: data.round, submittedAt: data.submittedAt },
};

export const changesSheet = (event: ProjectedEvent) =>
  event.streamKind === 'evaluator' && Object.hasOwn(sheetHandlers, event.type);

export const evolveSheetFacts = (row: AssignmentRow | undefined, event: ProjectedEvent) =>
  evolveRow(sheetHandlers, row, event, undefined);

/** The tender's bids still standing at opening (`standingBids` on the view). */
export const standingBids = (tender: EvaluationTenderRow): string[] =>
  (tender.opened ?? []).filter((supplierId) => tender.bids[supplierId] === 'submitted');

export function workFacts(row: SeatFacts, tender: EvaluationTenderRow): EvaluatorWorkFacts {
  return {
    evaluatorId: row.evaluatorId,
    stage: tender.stage,
    round: tender.round,
    appointed: tender.appointed,
    panel: tender.panel,
    standingBids: standingBids(tender),
    compliance: tender.compliance,
    qualityCriteria: tender.qualityCriteria,
    declarations: row.declarations,
    scored: row.scored,
    submittedRound: row.submittedRound,
  };
}

/** The seat's row: its facts, the tender's, and the work `evaluatorWorkload` reads from them, as of `at`. */
export function withWorkload(
  seat: SeatFacts,
  tender: EvaluationTenderRow,
  at: string,
): AssignmentRow {
  const { submitted: _shownAsStatus, ...work } = evaluatorWorkload(workFacts(seat, tender));
  return {
    tenderId: seat.tenderId,
    evaluatorId: seat.evaluatorId,
    buyerOrganisationId: tender.buyerOrganisationId,
    title: tender.title,
    stage: tender.stage,
    round: tender.round,
    ...work,
    declarations: seat.declarations,
    scored: seat.scored,
    submittedRound: seat.submittedRound,
    submittedAt: seat.submittedAt,
    appointedAt: seat.appointedAt,
    updatedAt: at,
  };
}
