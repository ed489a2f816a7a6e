import type { Actor } from '../shared/actor';

interface CommandBase {
  actor: Actor;
  now: Date;
}

export type ChallengeCommand =
  | (CommandBase & { type: 'LodgeChallenge'; challengeId: string; grounds: string[]; text: string })
  | (CommandBase & {
      type: 'ResolveChallenge';
      challengeId: string;
      outcome: string;
      remedy?: string;
      reason: string;
    });
