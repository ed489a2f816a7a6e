import {
  bidStreamPrefix,
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
} from '@fairtender/domain';
import type { EventStore, RecordedEvent } from '@fairtender/event-store';
import { toDomainEvent } from './read-events';

const PAGE = 1000;

/** The tender stream as read, and folded. */
export interface ReadTenderStream {
  state: TenderState;
  history: readonly RecordedEvent[];
}

/** The tender stream read and folded, each event upcast once. */
export async function readTenderStream(
  store: EventStore,
  tenderId: string,
): Promise<ReadTenderStream> {
  const history = await store.readStream(tenderStream(tenderId));
  let state = initialTenderState();
  for (const recorded of history) state = evolveTender(state, toDomainEvent<TenderEvent>(recorded));
  return { state, history };
}

/** The tender stream folded, as it is now. */
export async function loadTenderState(store: EventStore, tenderId: string): Promise<TenderState> {
  return (await readTenderStream(store, tenderId)).state;
}

/**
 * A tender across its streams, straight from the event store: the tender stream, the bids up to the
 * heads anchored at opening, and the panel's evaluator streams. The rules (docs/rules.md) are checked on
 * this, never on a read model that may lag.
 */
export async function loadTenderView(store: EventStore, tenderId: string): Promise<TenderView> {
  return tenderViewAround(store, tenderId, await loadTenderState(store, tenderId));
}

/** The view around a tender stream already folded: its opened bids and its panel's sheets. */
export async function tenderViewAround(
  store: EventStore,
  tenderId: string,
  tender: TenderState,
): Promise<TenderView> {
  let view: TenderView = { tender, bids: {}, sheets: {} };
  const { panel } = tender.evaluation;
  const [bidEvents, histories] = await Promise.all([
    openedBidEvents(store, tenderId, tender),
    Promise.all(
      panel.map((evaluatorId) => store.readStream(evaluatorStream(tenderId, evaluatorId))),
    ),
  ]);
  for (const recorded of bidEvents) view = evolveTenderView(view, toDomainEvent(recorded));
  panel.forEach((evaluatorId, i) => {
    // One evaluator's stream at once: the same sheet as event by event, without a copy per score.
    const sheet = foldSheet(
      undefined,
      histories[i].map((recorded) => toDomainEvent<EvaluatorEvent>(recorded)),
    );
    if (sheet) view.sheets[evaluatorId] = sheet;
  });
  return view;
}

/**
 * Bid events up to the head each stream had at opening; nothing before opening. One prefix read in
 * global order; a stream it does not show up to its anchored head (the global-order horizon can hold
 * back events another transaction in the cluster overlaps) is read by name, which is exact.
 */
export async function openedBidEvents(
  store: EventStore,
  tenderId: string,
  tender: TenderState,
): Promise<RecordedEvent[]> {
  const heads = new Map(
    (tender.opening.bidStreams ?? []).map((head) => [head.streamName, head.revision]),
  );
  if (heads.size === 0) return [];
  const byStream = new Map<string, RecordedEvent[]>();
  let after: RecordedEvent['position'] | undefined;
  for (;;) {
    const page = await store.readAll({
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
      byStream.set(streamName, await store.readStream(streamName, { maxCount: head + 1 }));
    }),
  );
  return [...byStream.values()].flat();
}
