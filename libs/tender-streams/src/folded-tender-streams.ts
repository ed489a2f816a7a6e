import {
  evaluatorStream,
  evolveTenderView,
  foldSheet,
  type EvaluatorEvent,
  type TenderState,
  type TenderView,
} from '@fairtender/domain';
import type { EventStore } from '@fairtender/event-store';
import { openedBidEvents } from './read-tender';
import { toDomainEvent } from './read-events';

/** Tenders whose folded bids and evaluator sheets are kept between commands (a few MB each at most). */
const CACHED_TENDERS = 20;

interface FoldedStreams {
  /** The bid heads anchored at opening, as a key: bid streams are frozen from then on. */
  anchoredHeads: string;
  bids: TenderView['bids'];
  sheets: Map<string, { revision: number; sheet: TenderView['sheets'][string] }>;
}

/**
 * `tenderViewAround` for a long-running process: streams are append-only and hash-chained, so a fold
 * up to revision n stays true and only the events after it are read next time. Bid streams are read
 * once after opening (frozen at the anchored heads), evaluator streams from where they were left. The
 * least recently used tenders are dropped.
 */
export class FoldedTenderStreams {
  private readonly folded = new Map<string, FoldedStreams>();

  constructor(private readonly store: EventStore) {}

  async around(tenderId: string, tender: TenderState): Promise<TenderView> {
    const streams = await this.streamsOf(tenderId, tender);
    const { panel } = tender.evaluation;
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

  private async streamsOf(tenderId: string, tender: TenderState): Promise<FoldedStreams> {
    const anchoredHeads = JSON.stringify(tender.opening.bidStreams ?? []);
    const cached = this.folded.get(tenderId);
    this.folded.delete(tenderId);
    let streams = cached;
    if (!streams || streams.anchoredHeads !== anchoredHeads) {
      let view: TenderView = { tender, bids: {}, sheets: {} };
      for (const recorded of await openedBidEvents(this.store, tenderId, tender)) {
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
    if (!latest || latest.revision < revision) streams.sheets.set(streamName, { revision, sheet });
  }
}
