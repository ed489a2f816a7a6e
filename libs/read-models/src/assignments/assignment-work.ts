import { evaluatorWorkload, isSubstantiveText, type EvaluatorWorkFacts } from '@fairtender/domain';
import type { DataOf, ProjectedEvent } from '../runner/projected-event';
import type { AssignmentRow, EvaluationTenderRow, SeatFacts } from './assignments.table';

const SHEET_EVENTS = new Set(['ConflictOfInterestDeclared', 'BidScored', 'EvaluationSubmitted']);

export const changesSheet = (event: ProjectedEvent) =>
  event.streamKind === 'evaluator' && SHEET_EVENTS.has(event.type);

/** A copy the batch may fold into in place (an evaluator's 2,000 scores are not copied per score). */
export const copySeat = (row: AssignmentRow): AssignmentRow => ({
  ...row,
  declarations: { ...row.declarations },
  scored: { ...row.scored },
});

/** Folds one event of the evaluator's own stream into a seat the batch owns. */
export function foldSheet(seat: SeatFacts, event: ProjectedEvent): void {
  switch (event.type) {
    case 'ConflictOfInterestDeclared': {
      const { supplierId, conflict } = event.data as DataOf<'ConflictOfInterestDeclared'>;
      seat.declarations[supplierId] = conflict;
      return;
    }
    case 'BidScored': {
      const { supplierId, criterionId, justification } = event.data as DataOf<'BidScored'>;
      const before = Object.hasOwn(seat.scored, supplierId) ? seat.scored[supplierId] : [];
      const others = before.filter((id) => id !== criterionId);
      // A later score replaces the earlier one: without a justification the cell is unscored again.
      seat.scored[supplierId] = isSubstantiveText(justification)
        ? [...others, criterionId]
        : others;
      return;
    }
    case 'EvaluationSubmitted': {
      const { round, submittedAt } = event.data as DataOf<'EvaluationSubmitted'>;
      seat.submittedRound = round;
      seat.submittedAt = submittedAt;
      return;
    }
  }
}

/** The tender's bids still standing at opening (`standingBids` on the view). */
export const standingBids = (tender: EvaluationTenderRow): string[] =>
  (tender.opened ?? []).filter((supplierId) => tender.bids[supplierId] === 'submitted');

export function workFacts(seat: SeatFacts, tender: EvaluationTenderRow): EvaluatorWorkFacts {
  return {
    evaluatorId: seat.evaluatorId,
    stage: tender.stage,
    round: tender.round,
    appointed: tender.appointed,
    panel: tender.panel,
    standingBids: standingBids(tender),
    compliance: tender.compliance,
    qualityCriteria: tender.qualityCriteria,
    declarations: seat.declarations,
    scored: seat.scored,
    submittedRound: seat.submittedRound,
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
