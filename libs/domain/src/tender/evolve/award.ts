import type { AwardEvent } from '../events/award';
import type { TenderState } from '../state';

/** Folds award and standstill events; an event of a newer version of the code leaves it as it is. */
export function evolveAward(state: TenderState, event: AwardEvent): TenderState {
  switch (event.type) {
    case 'AwardConfirmationRequested':
      return { ...state, pendingAward: event.data };
    case 'AwardProposed': {
      const { pendingAward: _confirmed, ...rest } = state;
      return { ...rest, stage: 'standstill', award: { ...event.data, suspendedBy: [] } };
    }
    case 'StandstillStarted':
      if (!state.award) return state;
      return { ...state, award: { ...state.award, standstill: event.data } };
    case 'StandstillEnded':
      if (!state.award) return state;
      return { ...state, award: { ...state.award, standstillEndedAt: event.data.endedAt } };
    case 'TenderDeclaredUnsuccessful': {
      const { pendingAward: _dropped, ...rest } = state;
      const { reason, declaredAt } = event.data;
      return { ...rest, stage: 'unsuccessful', unsuccessful: { reason, declaredAt } };
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
