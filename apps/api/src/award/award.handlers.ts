import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@fairtender/config';
import { decideAward, tenderStream, type Actor, type AwardCommand } from '@fairtender/domain';
import {
  lifecycleCommandResult,
  type LifecycleCommandResult,
} from '../runtime/lifecycle-command-result';
import { TenderViews } from '../runtime/tender-views';
import { DecideAwardCommand, type AwardDecision } from './award.commands';

@CommandHandler(DecideAwardCommand)
export class DecideAwardHandler implements ICommandHandler<DecideAwardCommand> {
  constructor(
    private readonly views: TenderViews,
    private readonly config: AppConfig,
  ) {}

  async execute({
    context,
    tenderId,
    decision,
  }: DecideAwardCommand): Promise<LifecycleCommandResult> {
    const command = this.withRules(decision, { actor: context.actor, now: context.now });
    const outcome = await this.views.executeOnTender(tenderId, context, (view) =>
      decideAward(command, view),
    );
    return lifecycleCommandResult(tenderId, tenderStream(tenderId), outcome);
  }

  private withRules(decision: AwardDecision, base: { actor: Actor; now: Date }): AwardCommand {
    switch (decision.type) {
      case 'DeclareUnsuccessful':
        return { ...decision, ...base };
      default:
        return { ...decision, ...base, standstillRules: this.config.standstill };
    }
  }
}

export const AWARD_COMMAND_HANDLERS = [DecideAwardHandler];
