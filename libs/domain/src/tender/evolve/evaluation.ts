import type { TenderState } from '../state';
import type { EvaluationTenderEvent } from '../events/evaluation';
import { initialEvaluationState, moderationKey, type EvaluationState } from '../evaluation-state';

/** Folds the evaluation's tender-stream events; an event of a newer version of the code leaves it as it is. */
export function evolveEvaluation(state: TenderState, event: EvaluationTenderEvent): TenderState {
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
      const { evaluatorScores, moderatedBy } = event.data;
      const moderation = {
        agreedScore,
        ...(reason === undefined ? {} : { reason }),
        moderatedAt,
        evaluatorScores: [...evaluatorScores],
        moderatedBy,
      };
      const key = moderationKey(supplierId, criterionId);
      return {
        ...state,
        evaluation: {
          ...withoutPending(evaluation, key),
          moderated: { ...evaluation.moderated, [key]: moderation },
          moderators: withModerator(evaluation, moderatedBy),
        },
      };
    }
    case 'ScoreModerationRequested': {
      const { round: _round, ...pending } = event.data;
      const key = moderationKey(pending.supplierId, pending.criterionId);
      return {
        ...state,
        evaluation: {
          ...withoutPending(evaluation, key),
          pendingModerations: {
            ...(evaluation.pendingModerations ?? {}),
            [key]: { ...pending, evaluatorScores: [...pending.evaluatorScores] },
          },
          moderators: withModerator(evaluation, pending.requestedBy),
        },
      };
    }
    case 'ScoreModerationConfirmed': {
      const { supplierId, criterionId, agreedScore, evaluatorScores, reason } = event.data;
      const { requestedAt, requestedBy, confirmedBy, confirmedAt, confirmationReason } = event.data;
      const key = moderationKey(supplierId, criterionId);
      return {
        ...state,
        evaluation: {
          ...withoutPending(evaluation, key, true),
          moderated: {
            ...evaluation.moderated,
            [key]: {
              agreedScore,
              reason,
              moderatedAt: requestedAt,
              evaluatorScores: [...evaluatorScores],
              moderatedBy: requestedBy,
              confirmedBy,
              confirmedAt,
              confirmationReason,
            },
          },
          moderators: withModerator(evaluation, confirmedBy),
        },
      };
    }
    case 'EvaluationReopened': {
      const { awarded: _withdrawn, pending: _dropped, ...award } = state.award;
      const { pendingModerations: _lapsed, supersededModerations: _past, ...kept } = evaluation;
      return {
        ...state,
        stage: 'evaluation',
        award,
        evaluation: { ...kept, round: event.data.round, moderated: {} },
      };
    }
    default: {
      // Unknown at compile time is a missing case; unknown at run time is a newer event: ignored.
      const _exhaustive: never = event;
      return state;
    }
  }
}

/** The cell's request, if one waits, leaves the pending ones: confirmed, or superseded on the record. */
function withoutPending(
  evaluation: EvaluationState,
  key: string,
  confirmed = false,
): EvaluationState {
  const pending = evaluation.pendingModerations ?? {};
  if (!Object.hasOwn(pending, key)) return evaluation;
  const { [key]: replaced, ...rest } = pending;
  return {
    ...evaluation,
    pendingModerations: rest,
    ...(confirmed
      ? {}
      : { supersededModerations: [...(evaluation.supersededModerations ?? []), replaced] }),
  };
}

const withModerator = (evaluation: EvaluationState, officerId: string): string[] => {
  const moderators = evaluation.moderators ?? [];
  return moderators.includes(officerId) ? moderators : [...moderators, officerId];
};
