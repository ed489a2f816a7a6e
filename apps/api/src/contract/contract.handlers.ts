import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@fairtender/config';
import { decideContract, tenderStream, type Actor, type ContractCommand } from '@fairtender/domain';
import {
  lifecycleCommandResult,
  type LifecycleCommandResult,
} from '../runtime/lifecycle-command-result';
import { TenderViews } from '../runtime/tender-views';
import { DecideContractCommand, type ContractDecision } from './contract.commands';

@CommandHandler(DecideContractCommand)
export class DecideContractHandler implements ICommandHandler<DecideContractCommand> {
  constructor(
    private readonly views: TenderViews,
    private readonly config: AppConfig,
  ) {}

  async execute({
    context,
    tenderId,
    decision,
  }: DecideContractCommand): Promise<LifecycleCommandResult> {
    const command = this.withThresholds(decision, { actor: context.actor, now: context.now });
    const outcome = await this.views.executeOnTender(tenderId, context, (view) =>
      decideContract(command, view),
    );
    return lifecycleCommandResult(tenderId, tenderStream(tenderId), outcome);
  }

  private withThresholds(
    decision: ContractDecision,
    base: { actor: Actor; now: Date },
  ): ContractCommand {
    switch (decision.type) {
      case 'ApproveContractChange':
        return { ...decision, ...base, thresholds: this.config.contractChanges };
      default:
        return { ...decision, ...base };
    }
  }
}

export const CONTRACT_COMMAND_HANDLERS = [DecideContractHandler];
