import { Command } from '@nestjs/cqrs';
import type { ContractChange, ContractPeriod, Money } from '@fairtender/domain';
import type { CommandContext } from '../runtime/command-context';
import type { LifecycleCommandResult } from '../runtime/lifecycle-command-result';

/** The officers' contract decisions; the change thresholds come from configuration. */
export type ContractDecision =
  | { type: 'ConcludeContract'; contractId: string; value?: Money; period: ContractPeriod }
  | { type: 'RequestContractChange'; change: ContractChange }
  | { type: 'ApproveContractChange'; changeId: string };

export class DecideContractCommand extends Command<LifecycleCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
    readonly decision: ContractDecision,
  ) {
    super();
  }
}
