import { Inject, Injectable } from '@nestjs/common';
import {
  bidStreamPrefix,
  currentVersion,
  evaluatorStream,
  evolveTender,
  evolveTenderView,
  foldSheet,
  initialTenderState,
  tenderStream,
  type EvaluatorEvent,
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
/** Tenders whose folded bids and evaluator sheets are kept between commands (a few MB each at most). */
const CACHED_TENDERS = 20;

/** What one tender's streams other than its own fold to, with the revision each was folded up to. */
interface FoldedStreams {
  /** The bid heads anchored at opening, as a key: bid streams are frozen from then on. */
  anchoredHeads: string;
  bids: TenderView['bids'];
  sheets: Map<string, { revision: number; sheet: TenderView['sheets'][string] }>;
}

/**
 * Assembles a tender across its streams — tender, bids up to the heads anchored at opening, and the
 * panel's evaluator streams — straight from the event store, and runs the evaluation, award,
 * challenge and contract deciders on it. The rules of DESIGN §3 are checked on this, never on a read
 * model that may lag.
 */
@Injectable()
export class TenderViews {
  /**
   * Streams are append-only and hash-chained, so a fold up to revision n stays true: only events after
   * it are read next time. Bid streams are read once after opening (they are frozen at the anchored
   * heads); evaluator streams from where they were left. Least recently used tenders are dropped.
   */
  private readonly folded = new Map<string, FoldedStreams>();

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
    const streams = await this.foldedStreams(tenderId, tender);
    await Promise.all(
      panel.map((evaluatorId) => this.catchUpSheet(tenderId, streams, evaluatorId)),
    );
    const sheets: TenderView['sheets'] = {};
    for (const evaluatorId of panel) {
      const cached = streams.sheets.get(evaluatorStream(tenderId, evaluatorId));
      if (cached) sheets[evaluatorId] = cached.sheet;
    }
    return { tender, bids: streams.bids, sheets };
  }

  private async foldedStreams(tenderId: string, tender: TenderState): Promise<FoldedStreams> {
    const anchoredHeads = JSON.stringify(tender.openedBidStreams ?? []);
    const cached = this.folded.get(tenderId);
    this.folded.delete(tenderId);
    let streams = cached;
    if (!streams || streams.anchoredHeads !== anchoredHeads) {
      let view: TenderView = { tender, bids: {}, sheets: {} };
      for (const recorded of await this.openedBidEvents(tenderId, tender)) {
        view = evolveTenderView(view, toDomainEvent(recorded));
      }
      streams = { anchoredHeads, bids: view.bids, sheets: cached?.sheets ?? new Map() };
    }
    this.folded.set(tenderId, streams);
    if (this.folded.size > CACHED_TENDERS) this.folded.delete(this.folded.keys().next().value!);
    return streams;
  }

  private async catchUpSheet(
    tenderId: string,
    streams: FoldedStreams,
    evaluatorId: string,
  ): Promise<void> {
    const streamName = evaluatorStream(tenderId, evaluatorId);
    const cached = streams.sheets.get(streamName);
    const newer = await this.store.readStream(
      streamName,
      cached ? { fromRevision: cached.revision + 1 } : {},
    );
    if (newer.length === 0) return;
    const sheet = foldSheet(
      cached?.sheet,
      newer.map((recorded) => toDomainEvent<EvaluatorEvent>(recorded)),
    )!;
    // Another command may have caught up further meanwhile: keep the longer fold.
    const latest = streams.sheets.get(streamName);
    const revision = newer[newer.length - 1].revision;
    if (!latest || latest.revision < revision) {
      streams.sheets.set(streamName, { revision, sheet });
    }
  }

  /**
   * Bid events up to the head each stream had at opening; nothing before opening. One prefix read in
   * global order; a stream it does not show up to its anchored head (the global-order horizon can
   * hold back events another transaction in the cluster overlaps) is read by name, which is exact.
   */
  private async openedBidEvents(tenderId: string, tender: TenderState): Promise<RecordedEvent[]> {
    const heads = new Map(
      (tender.openedBidStreams ?? []).map((head) => [head.streamName, head.revision]),
    );
    if (heads.size === 0) return [];
    const byStream = new Map<string, RecordedEvent[]>();
    let after: RecordedEvent['position'] | undefined;
    for (;;) {
      const page = await this.store.readAll({
        streamPrefix: bidStreamPrefix(tenderId),
        after,
        maxCount: PAGE,
      });
      for (const recorded of page) {
        const head = heads.get(recorded.streamName);
        if (head === undefined || recorded.revision > head) continue;
        const events = byStream.get(recorded.streamName) ?? [];
        events.push(recorded);
        byStream.set(recorded.streamName, events);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].position;
    }
    const behind = [...heads].filter(
      ([streamName, head]) => (byStream.get(streamName)?.length ?? 0) !== head + 1,
    );
    await Promise.all(
      behind.map(async ([streamName, head]) => {
        byStream.set(streamName, await this.store.readStream(streamName, { maxCount: head + 1 }));
      }),
    );
    return [...byStream.values()].flat();
  }
}
