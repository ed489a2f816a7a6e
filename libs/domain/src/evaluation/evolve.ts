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
    case 'EvaluationPanelAppointed': {
      const { evaluatorIds, acceptanceRequired } = event.data;
      // Members who stay on a changed panel keep their acceptance; removed ones lose it.
      const panel = acceptanceRequired
        ? evaluatorIds.filter((id) => evaluation.panel.includes(id))
        : [...evaluatorIds];
      return { ...state, evaluation: { ...evaluation, appointed: [...evaluatorIds], panel } };
    }
    case 'PanelMembershipAccepted': {
      const { evaluatorId } = event.data;
      const { appointed } = evaluation;
      if (!appointed.includes(evaluatorId) || evaluation.panel.includes(evaluatorId)) return state;
      const panel = appointed.filter((id) => id === evaluatorId || evaluation.panel.includes(id));
      return { ...state, evaluation: { ...evaluation, panel } };
    }
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
