import type { AwardEvent } from '../events/award';
import type { TenderState } from '../state';

/** Folds award and standstill events into the award slice. */
export function evolveAward(state: TenderState, event: AwardEvent): TenderState {
  const { award } = state;
  switch (event.type) {
    case 'AwardConfirmationRequested':
      return { ...state, award: { ...award, pending: event.data } };
    case 'AwardProposed': {
      const { pending: _confirmed, ...rest } = award;
      const awarded = { ...event.data, suspendedBy: [] };
      return { ...state, stage: 'standstill', award: { ...rest, awarded } };
    }
    case 'StandstillStarted':
      if (!award.awarded) return state;
      return {
        ...state,
        award: { ...award, awarded: { ...award.awarded, standstill: event.data } },
      };
    case 'StandstillEnded':
      if (!award.awarded) return state;
      return {
        ...state,
        award: { ...award, awarded: { ...award.awarded, standstillEndedAt: event.data.endedAt } },
      };
    case 'TenderDeclaredUnsuccessful': {
      const { pending: _dropped, ...rest } = award;
      const { reason, declaredAt } = event.data;
      return {
        ...state,
        stage: 'unsuccessful',
        award: { ...rest, unsuccessful: { reason, declaredAt } },
      };
    }
    case 'AssessmentSummaryIssued':
      return state;
    default: {
      // Unknown at compile time is a missing case; unknown at run time is a newer event: ignored.
      const _exhaustive: never = event;
      return state;
    }
  }
}
