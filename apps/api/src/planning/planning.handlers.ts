import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@fairtender/config';
import { decidePlanning, tenderStream, type PlanningCommand } from '@fairtender/domain';
import {
  lifecycleCommandResult,
  type LifecycleCommandResult,
} from '../runtime/lifecycle-command-result';
import { TenderStreams } from '../runtime/tender-streams';
import { TenderViews } from '../runtime/tender-views';
import { DecidePlanningCommand, DraftFromProcurementCommand } from './planning.commands';

/** The planning commands, decided on the tender stream as it is now (never on a read model). */
@CommandHandler(DecidePlanningCommand)
export class DecidePlanningHandler implements ICommandHandler<DecidePlanningCommand> {
  constructor(
    private readonly views: TenderViews,
    private readonly config: AppConfig,
  ) {}

  async execute({
    context,
    tenderId,
    decision,
  }: DecidePlanningCommand): Promise<LifecycleCommandResult> {
    const command = {
      ...decision,
      actor: context.actor,
      now: context.now,
      rules: this.config.planning,
    } as PlanningCommand;
    const outcome = await this.views.executeOnTender(tenderId, context, (view) =>
      decidePlanning(command, view.tender),
    );
    return lifecycleCommandResult(tenderId, tenderStream(tenderId), outcome);
  }
}

@CommandHandler(DraftFromProcurementCommand)
export class DraftFromProcurementHandler implements ICommandHandler<DraftFromProcurementCommand> {
  constructor(private readonly tenders: TenderStreams) {}

  async execute({
    context,
    tenderId,
    terms,
  }: DraftFromProcurementCommand): Promise<LifecycleCommandResult> {
    const outcome = await this.tenders.executeTender(tenderId, context, {
      type: 'DraftTender',
      tenderId,
      terms,
      actor: context.actor,
      now: context.now,
    });
    return lifecycleCommandResult(tenderId, tenderStream(tenderId), outcome);
  }
}

export const PLANNING_COMMAND_HANDLERS = [DecidePlanningHandler, DraftFromProcurementHandler];
