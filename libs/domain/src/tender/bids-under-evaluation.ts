import type { TenderView } from './tender-view';
import type { AwardCriterion } from './terms';
import type { EvaluatorSheet } from './evaluation-state';

/** Bids opened and still standing at opening (withdrawn ones are not bids any more). */
export function standingBids(view: TenderView): string[] {
  const opened = view.tender.opening.bidStreams ?? [];
  return opened
    .map(({ supplierId }) => supplierId)
    .filter(
      (supplierId) =>
        Object.hasOwn(view.bids, supplierId) && view.bids[supplierId].status === 'submitted',
    );
}

export function compliantBids(view: TenderView): string[] {
  const { compliance } = view.tender.evaluation;
  return standingBids(view).filter(
    (supplierId) =>
      Object.hasOwn(compliance, supplierId) && compliance[supplierId].decision === 'passed',
  );
}

export function excludedBids(view: TenderView): string[] {
  const { compliance } = view.tender.evaluation;
  return standingBids(view).filter(
    (supplierId) =>
      Object.hasOwn(compliance, supplierId) && compliance[supplierId].decision === 'excluded',
  );
}

/** The criteria evaluators score; price criteria are computed from the bid price. */
export const qualityCriteria = (criteria: readonly AwardCriterion[]) =>
  criteria.filter((criterion) => criterion.kind === 'quality');

export function sheetOf(view: TenderView, evaluatorId: string): EvaluatorSheet | undefined {
  return Object.hasOwn(view.sheets, evaluatorId) ? view.sheets[evaluatorId] : undefined;
}

export function declarationOf(sheet: EvaluatorSheet | undefined, supplierId: string) {
  return sheet && Object.hasOwn(sheet.declarations, supplierId)
    ? sheet.declarations[supplierId]
    : undefined;
}

export function scoreOf(
  sheet: EvaluatorSheet | undefined,
  supplierId: string,
  criterionId: string,
) {
  if (!sheet || !Object.hasOwn(sheet.scores, supplierId)) return undefined;
  const scores = sheet.scores[supplierId];
  return Object.hasOwn(scores, criterionId) ? scores[criterionId] : undefined;
}

/** Panel members who declared no conflict with this supplier: the ones whose scores count. */
export function assessorsOf(view: TenderView, supplierId: string): string[] {
  return view.tender.evaluation.panel.filter((evaluatorId) => {
    const declaration = declarationOf(sheetOf(view, evaluatorId), supplierId);
    return declaration !== undefined && !declaration.conflict;
  });
}

/** Panel members with a declared conflict with this supplier: removed from that bid (rule 3). */
export function conflictedWith(view: TenderView, supplierId: string): string[] {
  return view.tender.evaluation.panel.filter(
    (evaluatorId) => declarationOf(sheetOf(view, evaluatorId), supplierId)?.conflict === true,
  );
}

export const hasSubmitted = (view: TenderView, evaluatorId: string) =>
  sheetOf(view, evaluatorId)?.submittedRound === view.tender.evaluation.round;
