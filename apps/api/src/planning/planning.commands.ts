import { Command } from '@nestjs/cqrs';
import type { NoticeTerms, PlanningCommand } from '@fairtender/domain';
import type { CommandContext } from '../runtime/command-context';
import type { LifecycleCommandResult } from '../runtime/lifecycle-command-result';

type WithoutBase<C> = C extends unknown ? Omit<C, 'actor' | 'now' | 'rules'> : never;
/** A planning decision as the controller maps it; the handler adds who, when and the configured rules. */
export type PlanningDecision = WithoutBase<PlanningCommand>;

export class DecidePlanningCommand extends Command<LifecycleCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
    readonly decision: PlanningDecision,
  ) {
    super();
  }
}

/** The tender notice drafted on the procurement's own stream. */
export class DraftFromProcurementCommand extends Command<LifecycleCommandResult> {
  constructor(
    readonly context: CommandContext,
    readonly tenderId: string,
    readonly terms: NoticeTerms,
  ) {
    super();
  }
}
