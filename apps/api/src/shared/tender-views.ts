import { Inject, Injectable } from '@nestjs/common';
import {
  bidStreamPrefix,
  currentVersion,
  evaluatorStream,
  evolveTender,
  evolveTenderView,
  initialTenderState,
  tenderStream,
  type TenderEvent,
  type TenderState,
  type TenderView,
  type TenderViewEvent,
} from '@fairtender/domain';
import {
  EVENT_STORE,
  handleCommand,
  type CommandOutcome,
  type EventStore,
  type RecordedEvent,
} from '@fairtender/event-store';
import { eventMetadata, type CommandContext } from './command-context';
import { toDomainEvent } from './recorded-events';

const PAGE = 1000;

/**
 * Assembles a tender across its streams — tender, bids up to the heads anchored at opening, and the
 * panel's evaluator streams — straight from the event store, and runs the evaluation, award,
 * challenge and contract deciders on it. The rules of DESIGN §3 are checked on this, never on a read
 * model that may lag.
 */
@Injectable()
export class TenderViews {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The whole view, for reads (ranking, scores) and for the loaders below. */
  async load(tenderId: string): Promise<TenderView> {
    const history = await this.store.readStream(tenderStream(tenderId));
    let tender = initialTenderState();
    for (const recorded of history)
      tender = evolveTender(tender, toDomainEvent<TenderEvent>(recorded));
    return this.around(tenderId, tender, tender.evaluation.panel);
  }

  /**
   * Decides on the tender stream: the bids and evaluator sheets are read after the tender stream, and
   * the append still expects the tender stream's revision, so a concurrent officer command retries.
   */
  executeOnTender(
    tenderId: string,
    context: CommandContext,
    decide: (view: TenderView) => TenderViewEvent[],
  ): Promise<CommandOutcome<TenderState, TenderViewEvent>> {
    return handleCommand<TenderState, TenderViewEvent>(this.store, {
      streamName: tenderStream(tenderId),
      initialState: initialTenderState,
      evolve: (state, event) => evolveTender(state, event as TenderEvent),
      fromRecorded: toDomainEvent,
      decide: async (tender) =>
        decide(await this.around(tenderId, tender, tender.evaluation.panel)),
      versionOf: currentVersion,
      commandId: context.commandId,
      metadata: eventMetadata(context),
    });
  }

  /** Decides on an evaluator's own stream, with the tender and bids as they are now. */
  async executeOnEvaluator(
    tenderId: string,
    context: CommandContext,
    decide: (view: TenderView) => TenderViewEvent[],
  ): Promise<CommandOutcome<TenderView, TenderViewEvent>> {
    const evaluatorId = context.actor.userId;
    const base = await this.load(tenderId);
    const withoutOwnSheet: TenderView = { ...base, sheets: {} };
    for (const [id, sheet] of Object.entries(base.sheets)) {
      if (id !== evaluatorId) withoutOwnSheet.sheets[id] = sheet;
    }
    return handleCommand<TenderView, TenderViewEvent>(this.store, {
      streamName: evaluatorStream(tenderId, evaluatorId),
      initialState: () => withoutOwnSheet,
      evolve: evolveTenderView,
      fromRecorded: toDomainEvent,
      decide,
      versionOf: currentVersion,
      commandId: context.commandId,
      metadata: eventMetadata(context),
    });
  }

  private async around(
    tenderId: string,
    tender: TenderState,
    panel: readonly string[],
  ): Promise<TenderView> {
    let view: TenderView = { tender, bids: {}, sheets: {} };
    const [bidEvents, sheets] = await Promise.all([
      this.openedBidEvents(tenderId, tender),
      Promise.all(
        panel.map((evaluatorId) => this.store.readStream(evaluatorStream(tenderId, evaluatorId))),
      ),
    ]);
    for (const recorded of bidEvents) view = evolveTenderView(view, toDomainEvent(recorded));
    for (const history of sheets) {
      for (const recorded of history) view = evolveTenderView(view, toDomainEvent(recorded));
    }
    return view;
  }

  /** Bid events up to the head each stream had at opening; nothing before opening. */
  private async openedBidEvents(tenderId: string, tender: TenderState): Promise<RecordedEvent[]> {
    const heads = new Map(
      (tender.openedBidStreams ?? []).map((head) => [head.streamName, head.revision]),
    );
    if (heads.size === 0) return [];
    const events: RecordedEvent[] = [];
    let after: RecordedEvent['position'] | undefined;
    for (;;) {
      const page = await this.store.readAll({
        streamPrefix: bidStreamPrefix(tenderId),
        after,
        maxCount: PAGE,
      });
      for (const recorded of page) {
        const head = heads.get(recorded.streamName);
        if (head !== undefined && recorded.revision <= head) events.push(recorded);
      }
      if (page.length < PAGE) return events;
      after = page[page.length - 1].position;
    }
  }
}
