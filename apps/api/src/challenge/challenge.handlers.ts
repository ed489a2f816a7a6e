import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decideChallenge, tenderStream } from '@fairtender/domain';
import {
  lifecycleCommandResult,
  type LifecycleCommandResult,
} from '../runtime/lifecycle-command-result';
import { TenderViews } from '../runtime/tender-views';
import { DecideChallengeCommand } from './challenge.commands';

@CommandHandler(DecideChallengeCommand)
export class DecideChallengeHandler implements ICommandHandler<DecideChallengeCommand> {
  constructor(private readonly views: TenderViews) {}

  async execute({
    context,
    tenderId,
    change,
  }: DecideChallengeCommand): Promise<LifecycleCommandResult> {
    const outcome = await this.views.executeOnTender(tenderId, context, (view) =>
      decideChallenge({ ...change, actor: context.actor, now: context.now }, view),
    );
    return lifecycleCommandResult(tenderId, tenderStream(tenderId), outcome);
  }
}

export const CHALLENGE_COMMAND_HANDLERS = [DecideChallengeHandler];
