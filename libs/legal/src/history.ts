import {
  formatPosition,
  parsePosition,
  type EventMetadata,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '@fairtender/event-store';
import { ReplayError } from './errors';
import { SealingPolicy } from './sealing';
import { loadExistingTender, readTenderLog, streamKind, type StreamKind } from './tender-log';

export interface HistoryQuery {
  /** Exclusive: the `nextCursor` of the previous page. */
  after?: Position;
  /** Entries per page (1–1000). */
  limit?: number;
  /** Exact stream name. A sealed bid stream's name never matches. */
  stream?: string;
  kind?: StreamKind;
  types?: readonly string[];
  /** User id of the actor. Withheld actors never match. */
  actor?: string;
  /** Inclusive bounds on the time each event was recorded. */
  from?: Date;
  to?: Date;
}

/** One event as legal replay shows it. A sealed entry has only `sealed`, `type`, `recordedAt`, `position` and a stream label. */
export interface HistoryEntry {
  position: string;
  streamName: string;
  type: string;
  recordedAt: string;
  sealed?: true;
  revision?: number;
  eventId?: string;
  version?: number;
  actor?: EventMetadata['actor'] | null;
  correlationId?: string;
  causationId?: string;
  previousHash?: string;
  hash?: string;
  data?: unknown;
  /** Paths left out of `data` or the metadata (see SealingPolicy). */
  withheld?: string[];
}

export interface HistoryPage {
  tenderId: string;
  /** Whether the bids are still sealed (not yet opened). */
  sealed: boolean;
  items: HistoryEntry[];
  /** The next page's `cursor` (a position; parsed, the `after` of HistoryQuery); null at the end. */
  nextCursor: string | null;
}

export const MAX_HISTORY_LIMIT = 1000;

export function parseCursor(text: string): Position {
  try {
    return parsePosition(text);
  } catch {
    throw new ReplayError('INVALID_CURSOR', `cursor "${text}" is not a position like "1234-5678"`, {
      cursor: text,
    });
  }
}

export function historyEntry(event: RecordedEvent, policy: SealingPolicy): HistoryEntry {
  const position = formatPosition(event.position);
  const recordedAt = event.recordedAt.toISOString();
  const shown = policy.redact(event, 'view');
  if (shown.sealed) {
    return {
      position,
      streamName: policy.streamLabel(event.streamName),
      type: event.type,
      recordedAt,
      sealed: true,
    };
  }
  const { actor, correlationId, causationId } = shown.metadata;
  return {
    position,
    streamName: event.streamName,
    revision: event.revision,
    eventId: event.eventId,
    type: event.type,
    version: event.version,
    recordedAt,
    actor: actor ?? null,
    ...(typeof correlationId === 'string' ? { correlationId } : {}),
    ...(typeof causationId === 'string' ? { causationId } : {}),
    previousHash: event.previousHash,
    hash: event.hash,
    data: shown.data,
    ...(shown.withheld.length > 0 ? { withheld: shown.withheld } : {}),
  };
}

function matches(event: RecordedEvent, entry: HistoryEntry, query: HistoryQuery): boolean {
  if (query.stream !== undefined && (entry.sealed || event.streamName !== query.stream))
    return false;
  if (query.kind !== undefined && streamKind(event.streamName) !== query.kind) return false;
  if (query.types && query.types.length > 0 && !query.types.includes(event.type)) return false;
  if (query.actor !== undefined && entry.actor?.userId !== query.actor) return false;
  const at = event.recordedAt.getTime();
  if (query.from && at < query.from.getTime()) return false;
  if (query.to && at > query.to.getTime()) return false;
  return true;
}

/** A page of a tender's history across all its streams, in global order, sealed until opening. */
export async function readHistory(
  store: EventStore,
  tenderId: string,
  query: HistoryQuery = {},
): Promise<HistoryPage> {
  const policy = new SealingPolicy(tenderId, await loadExistingTender(store, tenderId));
  const limit = Math.min(Math.max(query.limit ?? 100, 1), MAX_HISTORY_LIMIT);
  const items: HistoryEntry[] = [];
  for await (const page of readTenderLog(store, tenderId, { after: query.after })) {
    for (const event of page) {
      const entry = historyEntry(event, policy);
      if (!matches(event, entry, query)) continue;
      items.push(entry);
      if (items.length === limit) {
        return { tenderId, sealed: policy.sealed, items, nextCursor: entry.position };
      }
    }
  }
  return { tenderId, sealed: policy.sealed, items, nextCursor: null };
}
