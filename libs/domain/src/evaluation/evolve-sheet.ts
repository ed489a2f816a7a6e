import type { EvaluatorEvent } from './events';
import { emptySheet, type EvaluatorSheet } from './state';

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
