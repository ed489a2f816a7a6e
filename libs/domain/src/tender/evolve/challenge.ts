import type { ChallengeEvent } from '../events/challenge';
import type { AwardState } from '../award-state';
import type { TenderState } from '../state';

/** Folds challenge events, and the suspensions they put on the award (PA 2023 s.101). */
export function evolveChallenge(state: TenderState, event: ChallengeEvent): TenderState {
  const withAwarded = (awarded: AwardState | undefined): TenderState =>
    awarded ? { ...state, award: { ...state.award, awarded } } : state;
  const { awarded } = state.award;
  switch (event.type) {
    case 'ChallengeLodged': {
      const challenge = { ...event.data, grounds: [...event.data.grounds] };
      return { ...state, challenges: { ...state.challenges, [challenge.challengeId]: challenge } };
    }
    case 'AwardSuspended': {
      if (!awarded || awarded.suspendedBy.includes(event.data.challengeId)) return state;
      return withAwarded({
        ...awarded,
        suspendedBy: [...awarded.suspendedBy, event.data.challengeId],
      });
    }
    case 'ChallengeResolved': {
      const { challengeId, outcome, remedy, reason, resolvedAt } = event.data;
      if (!Object.hasOwn(state.challenges, challengeId)) return state;
      const resolved = { ...state.challenges[challengeId], outcome, reason, resolvedAt };
      const challenge = remedy === undefined ? resolved : { ...resolved, remedy };
      const challenges = { ...state.challenges, [challengeId]: challenge };
      const lifted = awarded && {
        ...awarded,
        suspendedBy: awarded.suspendedBy.filter((id) => id !== challengeId),
      };
      return { ...withAwarded(lifted), challenges };
    }
    case 'AwardSuspensionLifted':
      return withAwarded(awarded && { ...awarded, suspendedBy: [] });
    default: {
      // Unknown at compile time is a missing case; unknown at run time is a newer event: ignored.
      const _exhaustive: never = event;
      return state;
    }
  }
}
