import { Inject, Injectable } from '@nestjs/common';
import { type TenderState, type TenderView, type TenderViewEvent } from '@fairtender/domain';
import { EVENT_STORE, type CommandOutcome, type EventStore } from '@fairtender/event-store';
import {
  FoldedTenderStreams,
  loadTenderState,
  runOnEvaluator,
  runOnTender,
} from '@fairtender/tender-streams';
import { commandRun, type CommandContext } from './command-context';

/**
 * Runs the evaluation, award, challenge and contract deciders on a tender across its streams — tender,
 * bids up to the heads anchored at opening, the panel's evaluator streams — read straight from the
 * event store (`@fairtender/tender-streams`), never from a read model that may lag (docs/rules.md). The
 * folds of bid and evaluator streams are kept between commands; only newer events are read.
 */
@Injectable()
export class TenderViews {
  private readonly folded: FoldedTenderStreams;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.folded = new FoldedTenderStreams(store);
  }

  /** The whole view as it is now, for reads (ranking, scores). */
  async load(tenderId: string): Promise<TenderView> {
    return this.folded.around(tenderId, await loadTenderState(this.store, tenderId));
  }

  /** Decides on the tender stream; see `runOnTender`. */
  executeOnTender(
    tenderId: string,
    context: CommandContext,
    decide: (view: TenderView) => TenderViewEvent[],
  ): Promise<CommandOutcome<TenderState, TenderViewEvent>> {
    return runOnTender(this.store, tenderId, commandRun(context), decide, this.folded);
  }

  /** Decides on an evaluator's own stream, with the tender, bids and the other sheets as they are now. */
  async executeOnEvaluator(
    tenderId: string,
    context: CommandContext,
    decide: (view: TenderView) => TenderViewEvent[],
  ): Promise<CommandOutcome<TenderView, TenderViewEvent>> {
    const base = await this.load(tenderId);
    const evaluatorId = context.actor.userId;
    return runOnEvaluator(this.store, tenderId, evaluatorId, commandRun(context), base, decide);
  }
}
