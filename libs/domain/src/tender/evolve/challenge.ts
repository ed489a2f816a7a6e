import type { ChallengeEvent } from '../events/challenge';
import type { TenderState } from '../state';

/** Folds challenge events; an event of a newer version of the code leaves it as it is. */
export function evolveChallenge(state: TenderState, event: ChallengeEvent): TenderState {
  switch (event.type) {
    case 'ChallengeLodged': {
      const challenge = { ...event.data, grounds: [...event.data.grounds] };
      return { ...state, challenges: { ...state.challenges, [challenge.challengeId]: challenge } };
    }
    case 'AwardSuspended': {
      const { award } = state;
      if (!award || award.suspendedBy.includes(event.data.challengeId)) return state;
      return {
        ...state,
        award: { ...award, suspendedBy: [...award.suspendedBy, event.data.challengeId] },
      };
    }
    case 'ChallengeResolved': {
      const { challengeId, outcome, remedy, reason, resolvedAt } = event.data;
      if (!Object.hasOwn(state.challenges, challengeId)) return state;
      const resolved = { ...state.challenges[challengeId], outcome, reason, resolvedAt };
      const challenge = remedy === undefined ? resolved : { ...resolved, remedy };
      const award = state.award && {
        ...state.award,
        suspendedBy: state.award.suspendedBy.filter((id) => id !== challengeId),
      };
      return { ...state, award, challenges: { ...state.challenges, [challengeId]: challenge } };
    }
    case 'AwardSuspensionLifted':
      return state.award ? { ...state, award: { ...state.award, suspendedBy: [] } } : state;
    default: {
      // Unknown at compile time is a missing case; unknown at run time is a newer event: ignored.
      const _exhaustive: never = event;
      return state;
    }
  }
}
