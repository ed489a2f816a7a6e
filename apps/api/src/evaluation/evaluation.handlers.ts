import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  decideEvaluation,
  DomainError,
  evaluatorStream,
  tenderStream,
  type Money,
} from '@fairtender/domain';
import { BidContentReader } from '../bidding/bid-content';
import type { CommandContext } from '../runtime/command-context';
import { TenderStreams } from '../runtime/tender-streams';
import { TenderViews } from '../runtime/tender-views';
import {
  ChangeEvaluationCommand,
  EvaluatorCommand,
  RecordComplianceCommand,
} from './evaluation.commands';
import {
  lifecycleCommandResult,
  type LifecycleCommandResult,
} from '../runtime/lifecycle-command-result';

/** Never recorded: the decider refuses (stage, organisation, bid) before it would look at it. */
const NO_OPENED_BID = { contentHash: '', price: { amount: 0, currency: '' } };

@CommandHandler(RecordComplianceCommand)
export class RecordComplianceHandler implements ICommandHandler<RecordComplianceCommand> {
  constructor(
    private readonly views: TenderViews,
    private readonly tenders: TenderStreams,
    private readonly bids: BidContentReader,
  ) {}

  async execute(command: RecordComplianceCommand): Promise<LifecycleCommandResult> {
    const { context, tenderId, supplierId, compliance } = command;
    const opened = await this.openedBid(context, tenderId, supplierId);
    const outcome = await this.views.executeOnTender(tenderId, context, (view) => {
      const events = decideEvaluation(
        {
          type: 'RecordCompliance',
          supplierId,
          ...compliance,
          opened: opened ?? NO_OPENED_BID,
          actor: context.actor,
          now: context.now,
        },
        view,
      );
      if (!opened && events.length > 0) {
        throw new Error(`Compliance on ${supplierId} was decided without its opened bid`);
      }
      return events;
    });
    return lifecycleCommandResult(tenderId, tenderStream(tenderId), outcome);
  }

  /**
   * The commitment and price as the opened bid holds them (never the client's word), read up to the
   * head opening anchored. A bid opening never saw is left to the decider to refuse.
   */
  private async openedBid(
    context: CommandContext,
    tenderId: string,
    supplierId: string,
  ): Promise<{ contentHash: string; price: Money } | undefined> {
    const { state } = await this.tenders.loadTender(tenderId);
    if (!state.opening.bidStreams?.some((head) => head.supplierId === supplierId)) return undefined;
    try {
      const bid = await this.bids.read(tenderId, supplierId, context.actor, context.correlationId);
      return { contentHash: bid.contentHash, price: bid.content.price };
    } catch (error) {
      // A withdrawn bid has no content: the decider names it as no standing bid.
      if (error instanceof DomainError && error.code === 'BID_NOT_FOUND') return undefined;
      throw error;
    }
  }
}

@CommandHandler(ChangeEvaluationCommand)
export class ChangeEvaluationHandler implements ICommandHandler<ChangeEvaluationCommand> {
  constructor(private readonly views: TenderViews) {}

  async execute({
    context,
    tenderId,
    change,
  }: ChangeEvaluationCommand): Promise<LifecycleCommandResult> {
    const outcome = await this.views.executeOnTender(tenderId, context, (view) =>
      decideEvaluation({ ...change, actor: context.actor, now: context.now }, view),
    );
    return lifecycleCommandResult(tenderId, tenderStream(tenderId), outcome);
  }
}

@CommandHandler(EvaluatorCommand)
export class EvaluatorCommandHandler implements ICommandHandler<EvaluatorCommand> {
  constructor(private readonly views: TenderViews) {}

  async execute({ context, tenderId, change }: EvaluatorCommand): Promise<LifecycleCommandResult> {
    const outcome = await this.views.executeOnEvaluator(tenderId, context, (view) =>
      decideEvaluation({ ...change, actor: context.actor, now: context.now }, view),
    );
    return lifecycleCommandResult(
      tenderId,
      evaluatorStream(tenderId, context.actor.userId),
      outcome,
    );
  }
}

export const EVALUATION_COMMAND_HANDLERS = [
  RecordComplianceHandler,
  ChangeEvaluationHandler,
  EvaluatorCommandHandler,
];
