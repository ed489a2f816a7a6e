import {
  evolveTender,
  initialTenderState,
  parseTenderStream,
  tenderPrefix,
  tenderStream,
  upcast,
  type NoticeEvent,
  type TenderState,
} from '@fairtender/domain';
import type { EventStore, Position, RecordedEvent } from '@fairtender/event-store';
import { tenderNotFound } from './errors';

/** Who looked at a tender, recorded beside it: `tender-<id>.audit`. */
export const auditStream = (tenderId: string) => `tender-${tenderId}.audit`;

export type StreamKind = 'tender' | 'bid' | 'refusals' | 'audit' | 'other';

/**
 * Whether a stream belongs to this tender. `tender-<id>` is also a prefix of the streams of a tender
 * whose id merely starts with `<id>`, so the prefix read is narrowed to the exact name or `<name>.`.
 */
export function belongsToTender(tenderId: string, streamName: string): boolean {
  const name = tenderStream(tenderId);
  return streamName === name || streamName.startsWith(`${name}.`);
}

export function streamKind(streamName: string): StreamKind {
  const parsed = parseTenderStream(streamName);
  if (!parsed) return 'other';
  if (parsed.kind === 'other' && streamName.endsWith('.audit')) return 'audit';
  return parsed.kind;
}

export interface ReadLogOptions {
  /** Exclusive. */
  after?: Position;
  pageSize?: number;
}

/**
 * Every event of one tender, across all its streams, in global order, a page at a time. The next page
 * is asked for as soon as a page arrives, so the database reads it while the caller folds this one.
 */
export async function* readTenderLog(
  store: EventStore,
  tenderId: string,
  { after, pageSize = 2000 }: ReadLogOptions = {},
): AsyncGenerator<RecordedEvent[]> {
  const streamPrefix = tenderPrefix(tenderId);
  const read = (cursor?: Position) =>
    store.readAll({ streamPrefix, after: cursor, maxCount: pageSize });
  let next: Promise<RecordedEvent[]> | undefined = read(after);
  try {
    while (next) {
      const page: RecordedEvent[] = await next;
      next = page.length < pageSize ? undefined : read(page[page.length - 1].position);
      const own = page.filter((event) => belongsToTender(tenderId, event.streamName));
      if (own.length > 0) yield own;
    }
  } finally {
    // A caller that stops early leaves a read in flight: settle it, never reject unhandled.
    await (next as Promise<RecordedEvent[]> | undefined)?.catch(() => undefined);
  }
}

/** The tender stream folded to now; `TENDER_NOT_FOUND` when it has no event. */
export async function loadTender(store: EventStore, tenderId: string): Promise<TenderState> {
  const history = await store.readStream(tenderStream(tenderId));
  if (history.length === 0) throw tenderNotFound(tenderId);
  let state = initialTenderState();
  for (const recorded of history) {
    state = evolveTender(
      state,
      upcast(recorded.type, recorded.version, recorded.data) as NoticeEvent,
    );
  }
  return state;
}
