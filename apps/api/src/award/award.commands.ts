import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../runtime/command-context';
import type { LifecycleCommandResult } from '../runtime/lifecycle-command-result';

/** The officers' award decisions; the standstill calendars come from configuration. */
export type AwardDecision =
  | { type: 'ProposeAward'; supplierId: string; justification?: string }
  | { type: 'ProposeDirectAward'; supplierId: string; ground: string; justification: string }
  | { type: 'ConfirmAward' }
  | { type: 'DeclareUnsuccessful'; reason: string };

export class DecideAwardCommand extends Command<LifecycleCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
    readonly decision: AwardDecision,
  ) {
    super();
  }
}
