import {
  evolveTenderView,
  initialTenderView,
  type TenderView,
  type TenderViewEvent,
} from '../tender/tender-view';
import type { Decider } from '../shared/domain-event';
import { assertNever } from '../shared/never';
import type { ChallengeCommand } from './commands';
import { lodgeChallenge } from './lodge-challenge';
import { resolveChallenge } from './resolve-challenge';

/** Decides a challenge command on the tender across its streams. Pure. */
export function decideChallenge(command: ChallengeCommand, view: TenderView): TenderViewEvent[] {
  switch (command.type) {
    case 'LodgeChallenge':
      return lodgeChallenge(command, view);
    case 'ResolveChallenge':
      return resolveChallenge(command, view);
    default:
      return assertNever(command);
  }
}

export const challengeDecider: Decider<ChallengeCommand, TenderViewEvent, TenderView> = {
  initialState: initialTenderView,
  evolve: evolveTenderView,
  decide: decideChallenge,
};
