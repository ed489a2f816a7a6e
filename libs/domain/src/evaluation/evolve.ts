import type { TenderState } from '../notice/state';
import type { TenderEvent } from '../lifecycle/tender-events';
import { initialEvaluationState, moderationKey } from './state';

/** Folds the evaluation's tender-stream events; every other event leaves the state as it is. */
export function evolveEvaluation(state: TenderState, event: TenderEvent): TenderState {
  const evaluation = state.evaluation ?? initialEvaluationState();
  switch (event.type) {
    case 'BidComplianceRecorded': {
      const { round: _round, ...record } = event.data;
      return {
        ...state,
        evaluation: {
          ...evaluation,
          compliance: { ...evaluation.compliance, [record.supplierId]: record },
        },
      };
    }
    case 'EvaluationPanelAppointed':
      return { ...state, evaluation: { ...evaluation, panel: [...event.data.evaluatorIds] } };
    case 'ScoreModerated': {
      const { supplierId, criterionId, agreedScore, reason, moderatedAt } = event.data;
      const moderation =
        reason === undefined ? { agreedScore, moderatedAt } : { agreedScore, reason, moderatedAt };
      return {
        ...state,
        evaluation: {
          ...evaluation,
          moderated: {
            ...evaluation.moderated,
            [moderationKey(supplierId, criterionId)]: moderation,
          },
        },
      };
    }
    case 'EvaluationReopened': {
      const { award: _withdrawn, pendingAward: _dropped, ...rest } = state;
      return {
        ...rest,
        stage: 'evaluation',
        evaluation: { ...evaluation, round: event.data.round, moderated: {} },
      };
    }
    default:
      return state;
  }
}
