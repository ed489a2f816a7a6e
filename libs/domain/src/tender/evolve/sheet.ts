import type { EvaluatorEvent } from '../events/evaluation';
import { emptySheet, type EvaluatorSheet } from '../evaluation-state';

/** Folds one event of an evaluator's own stream. */
export function evolveSheet(
  sheet: EvaluatorSheet | undefined,
  event: EvaluatorEvent,
): EvaluatorSheet {
  const current = sheet ?? emptySheet(event.data.evaluatorId);
  switch (event.type) {
    case 'ConflictOfInterestDeclared': {
      const { supplierId, conflict, statement, declaredAt } = event.data;
      const declaration =
        statement === undefined ? { conflict, declaredAt } : { conflict, statement, declaredAt };
      return { ...current, declarations: { ...current.declarations, [supplierId]: declaration } };
    }
    case 'BidScored': {
      const { supplierId, criterionId, score, justification, scoredAt } = event.data;
      const bidScores = Object.hasOwn(current.scores, supplierId) ? current.scores[supplierId] : {};
      return {
        ...current,
        scores: {
          ...current.scores,
          [supplierId]: { ...bidScores, [criterionId]: { score, justification, scoredAt } },
        },
      };
    }
    case 'EvaluationSubmitted':
      return { ...current, submittedRound: event.data.round, submittedAt: event.data.submittedAt };
    default: {
      const _exhaustive: never = event;
      return current;
    }
  }
}

/**
 * Folds many events of one evaluator's stream at once: the same result as `evolveSheet` event by
 * event, without copying the whole sheet per event (a 2,000-score stream would copy it 2,000 times).
 */
export function foldSheet(
  sheet: EvaluatorSheet | undefined,
  events: readonly EvaluatorEvent[],
): EvaluatorSheet | undefined {
  if (events.length === 0) return sheet;
  const base = sheet ?? emptySheet(events[0].data.evaluatorId);
  const declarations = { ...base.declarations };
  const scores: EvaluatorSheet['scores'] = {};
  for (const [supplierId, bidScores] of Object.entries(base.scores))
    scores[supplierId] = { ...bidScores };
  let submitted: Pick<EvaluatorSheet, 'submittedRound' | 'submittedAt'> = {
    submittedRound: base.submittedRound,
    submittedAt: base.submittedAt,
  };
  for (const event of events) {
    switch (event.type) {
      case 'ConflictOfInterestDeclared': {
        const { supplierId, conflict, statement, declaredAt } = event.data;
        declarations[supplierId] =
          statement === undefined ? { conflict, declaredAt } : { conflict, statement, declaredAt };
        break;
      }
      case 'BidScored': {
        const { supplierId, criterionId, score, justification, scoredAt } = event.data;
        if (!Object.hasOwn(scores, supplierId)) scores[supplierId] = {};
        scores[supplierId][criterionId] = { score, justification, scoredAt };
        break;
      }
      case 'EvaluationSubmitted':
        submitted = { submittedRound: event.data.round, submittedAt: event.data.submittedAt };
        break;
      default: {
        const _exhaustive: never = event;
      }
    }
  }
  const folded: EvaluatorSheet = { evaluatorId: base.evaluatorId, declarations, scores };
  if (submitted.submittedRound !== undefined) folded.submittedRound = submitted.submittedRound;
  if (submitted.submittedAt !== undefined) folded.submittedAt = submitted.submittedAt;
  return folded;
}
