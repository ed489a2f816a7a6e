import {
  evolveTenderStreams,
  initialBidState,
  initialTenderState,
  initialTenderView,
  parseTenderStream,
  upcast,
  type AccessRefusalsRepeated,
  type BidState,
  type EvaluatorSheet,
  type TenderStreamKind,
  type TenderView,
  type TenderViewEvent,
  type TenderState,
} from '@fairtender/domain';
import type { Position, RecordedEvent } from '@fairtender/event-store';
import { isAtOrBefore, type Moment } from './moment';
import { streamKind, type StreamKind } from './tender-log';

export interface ReplayedBid {
  supplierId: string;
  streamName: string;
  state: BidState;
  /** The last event of the bid stream folded. */
  head: { revision: number; hash: string };
}

/** What the deciders knew at a moment: the tender stream and every bid stream folded up to it. */
export interface ReplayedTender {
  tender: TenderState;
  bids: Map<string, ReplayedBid>;
  /** evaluatorId → the evaluator's declarations and scores. */
  sheets: Record<string, EvaluatorSheet>;
  refusals: Record<string, number>;
  auditRecords: number;
  /** Events folded (of every stream of the tender). */
  events: number;
  lastPosition?: Position;
  lastRecordedAt?: Date;
}

/**
 * Folds a tender's events, in global order, with the deciders' own router (`evolveTenderStreams`):
 * the tender stream, each bid stream and each evaluator's, each event upcast first. Events after the moment
 * are skipped (not stopped at: the store's clock is not strictly monotonic in global order).
 */
export class TenderFold {
  private readonly replayed: ReplayedTender = {
    tender: initialTenderState(),
    bids: new Map(),
    sheets: {},
    refusals: {},
    auditRecords: 0,
    events: 0,
  };

  /** The tender's streams folded by the domain's router, in place: this fold owns its view. */
  private view: TenderView = initialTenderView();

  constructor(readonly moment: Moment = { kind: 'now' }) {}

  apply(recorded: RecordedEvent): void {
    if (!isAtOrBefore(recorded, this.moment)) return;
    const r = this.replayed;
    r.events += 1;
    r.lastPosition = recorded.position;
    r.lastRecordedAt = recorded.recordedAt;
    switch (this.kindOf(recorded.streamName)) {
      case 'tender':
      case 'bid':
      case 'evaluator': {
        const kind = this.kindOf(recorded.streamName) as TenderStreamKind;
        const event = upcastEvent<TenderViewEvent>(recorded);
        this.view = evolveTenderStreams(this.view, kind, event, true);
        r.tender = this.view.tender;
        if (kind === 'bid') this.recordBidHead(recorded);
        return;
      }
      case 'refusals': {
        // Attempts, not events: a collapsed window counts as the refusals it stands for.
        const { type, times } = refusalAttempts(recorded);
        r.refusals[type] = (r.refusals[type] ?? 0) + times;
        return;
      }
      case 'audit':
        r.auditRecords += 1;
        return;
      case 'other':
        return;
    }
  }

  /** Stream names repeat: classify each once. */
  private readonly kinds = new Map<string, StreamKind>();

  private kindOf(streamName: string): StreamKind {
    let kind = this.kinds.get(streamName);
    if (kind === undefined) {
      kind = streamKind(streamName);
      this.kinds.set(streamName, kind);
    }
    return kind;
  }

  /** Bid streams replayed, with the head folded: what opening's anchored heads are checked against. */
  private recordBidHead(recorded: RecordedEvent): void {
    const head = { revision: recorded.revision, hash: recorded.hash };
    const supplierId = supplierOf(recorded.streamName);
    const existing = this.replayed.bids.get(recorded.streamName);
    if (existing) existing.head = head;
    else {
      const { streamName } = recorded;
      this.replayed.bids.set(streamName, {
        supplierId,
        streamName,
        state: initialBidState(),
        head,
      });
    }
  }

  result(): ReplayedTender {
    for (const bid of this.replayed.bids.values()) {
      if (Object.hasOwn(this.view.bids, bid.supplierId)) bid.state = this.view.bids[bid.supplierId];
    }
    this.replayed.sheets = this.view.sheets;
    return this.replayed;
  }
}

/** The refusal an event of the refusals stream records, and how many attempts it stands for. */
export function refusalAttempts(recorded: RecordedEvent): { type: string; times: number } {
  if (recorded.type !== 'AccessRefusalsRepeated') return { type: recorded.type, times: 1 };
  const { data } = upcastEvent<AccessRefusalsRepeated>(recorded);
  return { type: data.refusedType, times: data.count };
}

function upcastEvent<Event>(recorded: RecordedEvent): Event {
  return upcast(recorded.type, recorded.version, recorded.data) as Event;
}

const supplierOf = (streamName: string) => parseTenderStream(streamName)?.supplierId ?? '';
