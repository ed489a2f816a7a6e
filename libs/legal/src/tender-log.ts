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
import type { EventOmissions, EventStore, Position, RecordedEvent } from '@fairtender/event-store';
import { tenderNotFound } from './errors';

/** Who looked at a tender, recorded beside it: `tender-<id>.audit`. */
export const auditStream = (tenderId: string) => `tender-${tenderId}.audit`;

export type StreamKind = 'tender' | 'bid' | 'evaluator' | 'refusals' | 'audit' | 'other';

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
  /** At most this many events a page (pages shrink for large events, see below). */
  pageSize?: number;
  /** What the reader does not look at (`STATE_FOLD_OMISSIONS` for a fold); whole events without. */
  omit?: EventOmissions;
}

/**
 * What a fold of the tender's state never looks at: a bid's ciphertext and the facts of its
 * documents (the state view shows a bid's hash and size, never its content or documents), and who
 * did what (the metadata). Never for verification or evidence, which read whole events.
 */
export const STATE_FOLD_OMISSIONS: EventOmissions = {
  data: ['sealed', 'documents'],
  metadata: true,
};

/** Bytes a page of events may take, roughly, in memory. */
const PAGE_BUDGET_BYTES = 32 * 1024 * 1024;
const MIN_PAGE = 4;

/**
 * What an event costs in memory, roughly: a sealed bid carries its ciphertext (`sizeBytes` of
 * plaintext, a third more in base64), which may be megabytes; everything else is small.
 */
function estimatedBytes(event: RecordedEvent): number {
  const size = (event.data as { sizeBytes?: unknown } | null)?.sizeBytes;
  return 1024 + (typeof size === 'number' && size > 0 ? size * 1.37 : 0);
}

const withoutCiphertext = (omit?: EventOmissions) => omit?.data?.includes('sealed') ?? false;

/**
 * Every event of one tender, across all its streams, in global order, a page at a time. The next page
 * is asked for as soon as a page arrives, so the database reads it while the caller folds this one;
 * a page holds up to `pageSize` events, fewer when they are large (sealed bids with documents), so
 * two pages stay within a few tens of megabytes.
 */
export async function* readTenderLog(
  store: EventStore,
  tenderId: string,
  { after, pageSize = 5000, omit }: ReadLogOptions = {},
): AsyncGenerator<RecordedEvent[]> {
  const streamPrefix = tenderPrefix(tenderId);
  const read = (cursor: Position | undefined, maxCount: number) =>
    store
      .readAll({ streamPrefix, after: cursor, maxCount, ...(omit ? { omit } : {}) })
      .then((page) => ({ page, maxCount }));
  const bytesOf = withoutCiphertext(omit) ? () => 1024 : estimatedBytes;
  let next: Promise<{ page: RecordedEvent[]; maxCount: number }> | undefined = read(
    after,
    Math.min(pageSize, 500),
  );
  try {
    while (next) {
      const { page, maxCount }: { page: RecordedEvent[]; maxCount: number } = await next;
      if (page.length < maxCount) next = undefined;
      else {
        const average = page.reduce((sum, e) => sum + bytesOf(e), 0) / page.length;
        const size = Math.min(
          pageSize,
          Math.max(MIN_PAGE, Math.floor(PAGE_BUDGET_BYTES / average)),
        );
        next = read(page[page.length - 1].position, size);
      }
      const own = page.filter((event) => belongsToTender(tenderId, event.streamName));
      if (own.length > 0) yield own;
    }
  } finally {
    // A caller that stops early leaves a read in flight: settle it, never reject unhandled.
    await (next as Promise<unknown> | undefined)?.catch(() => undefined);
  }
}

/** The tender stream folded to now; `TENDER_NOT_FOUND` when it has no event. */
export async function loadExistingTender(
  store: EventStore,
  tenderId: string,
): Promise<TenderState> {
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
