import { Inject, Injectable } from '@nestjs/common';
import {
  currentVersion,
  evaluatorStream,
  evolveTenderView,
  type TenderState,
  type TenderView,
  type TenderViewEvent,
} from '@fairtender/domain';
import {
  EVENT_STORE,
  handleCommand,
  type CommandOutcome,
  type EventStore,
} from '@fairtender/event-store';
import {
  executeOnTender,
  FoldedTenderStreams,
  loadTenderState,
  toDomainEvent,
} from '@fairtender/tender-views';
import { eventMetadata, type CommandContext } from './command-context';

/**
 * Runs the evaluation, award, challenge and contract deciders on a tender across its streams — tender,
 * bids up to the heads anchored at opening, the panel's evaluator streams — read straight from the
 * event store (`@fairtender/tender-views`), never from a read model that may lag (docs/rules.md). The
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

  /** Decides on the tender stream; see `executeOnTender`. */
  executeOnTender(
    tenderId: string,
    context: CommandContext,
    decide: (view: TenderView) => TenderViewEvent[],
  ): Promise<CommandOutcome<TenderState, TenderViewEvent>> {
    const run = { commandId: context.commandId, metadata: eventMetadata(context) };
    return executeOnTender(this.store, tenderId, run, decide, this.folded);
  }

  /** Decides on an evaluator's own stream, with the tender, bids and the other sheets as they are now. */
  async executeOnEvaluator(
    tenderId: string,
    context: CommandContext,
    decide: (view: TenderView) => TenderViewEvent[],
  ): Promise<CommandOutcome<TenderView, TenderViewEvent>> {
    const evaluatorId = context.actor.userId;
    const base = await this.load(tenderId);
    const { [evaluatorId]: _ownSheet, ...otherSheets } = base.sheets;
    return handleCommand<TenderView, TenderViewEvent>(this.store, {
      streamName: evaluatorStream(tenderId, evaluatorId),
      initialState: () => ({ ...base, sheets: otherSheets }),
      evolve: evolveTenderView,
      fromRecorded: toDomainEvent,
      decide,
      versionOf: currentVersion,
      commandId: context.commandId,
      metadata: eventMetadata(context),
    });
  }
}
