import { Command } from '@nestjs/cqrs';
import type { ChallengeCommand } from '@fairtender/domain';
import type { CommandContext } from '../runtime/command-context';
import type { LifecycleCommandResult } from '../runtime/lifecycle-command-result';

type WithoutContext<T> = T extends unknown ? Omit<T, 'actor' | 'now'> : never;

/** A bidder lodges a challenge (the award is suspended at once); legal records its outcome. */
export class DecideChallengeCommand extends Command<LifecycleCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
    readonly change: WithoutContext<ChallengeCommand>,
  ) {
    super();
  }
}
