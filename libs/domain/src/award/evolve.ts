import type { TenderEvent } from '../lifecycle/tender-events';
import type { TenderState } from '../notice/state';

/** Folds award and standstill events; every other event leaves the state as it is. */
export function evolveAward(state: TenderState, event: TenderEvent): TenderState {
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
    default:
      return state;
  }
}
