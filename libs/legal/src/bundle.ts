import { createHash } from 'node:crypto';
import { canonicalJson } from '@fairtender/crypto';
import type { Actor } from '@fairtender/domain';
import { formatPosition, type EventStore, type RecordedEvent } from '@fairtender/event-store';
import type { StreamHead } from './chain-verifier';
import { listedDocuments, type ListedDocument } from './document-check';
import { historyEntry, type HistoryEntry } from './history';
import { SealingPolicy } from './sealing';
import { loadExistingTender, readTenderLog } from './tender-log';
import { storedContentHash } from './verify';

export const BUNDLE_FORMAT = 'fairtender-evidence/1';

/**
 * The last line of an NDJSON bundle (`{"manifest": …}`), or `manifest.json` beside `events.ndjson`.
 * See the README, "Evidence bundles", for every field and the offline verification algorithm.
 */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  tenderId: string;
  exportedAt: string;
  exporter: Actor;
  /** Position of the last event exported; null for none. */
  upTo: string | null;
  /** Event lines (sealed placeholders included). */
  eventCount: number;
  /** Whether the bids were still sealed: their events are then placeholders, outside any chain check. */
  sealed: boolean;
  sealedEvents: number;
  /** Events with fields withheld: their chains are checked with the `contentHash` they carry. */
  withheldEvents: number;
  /** Every stream exported in full, with its last event. */
  streams: StreamHead[];
  /** SHA-256 of the event lines, each followed by "\n" (the sha256sum of events.ndjson). */
  eventsSha256: string;
  /** SHA-256 of each event line (without its "\n"), in order: names the line that was altered. */
  lineSha256: string[];
  /**
   * The opened bids' uploaded documents, as their bid events state them (the bytes are not in the
   * bundle): `sealedSha256` is what `POST …/verification` recomputes from the stored chunks.
   */
  documents: ListedDocument[];
}

/** A line of the bundle, parsed: a whole event, or the placeholder of a sealed bid event. */
export interface BundleEventLine {
  streamName: string;
  type: string;
  recordedAt: string;
  position: string;
  sealed?: true;
  eventId?: string;
  version?: number;
  revision?: number;
  data?: unknown;
  metadata?: Record<string, unknown>;
  previousHash?: string;
  hash?: string;
  /** Present with `withheld`: SHA-256 of the whole event's canonical content, as the store hashed it. */
  contentHash?: string;
  withheld?: string[];
}

export type BundlePart =
  | { kind: 'event'; line: string; entry: HistoryEntry }
  | { kind: 'manifest'; manifest: BundleManifest };

export interface ExportOptions {
  exporter: Actor;
  exportedAt: Date;
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Builds the bundle one event at a time, keeping only digests and stream heads in memory. */
export class BundleWriter {
  private readonly all = createHash('sha256');
  private readonly lineDigests: string[] = [];
  private readonly heads = new Map<string, StreamHead>();
  private sealedEvents = 0;
  private withheldEvents = 0;
  private last?: RecordedEvent;
  private readonly documents: ListedDocument[] = [];

  constructor(
    private readonly tenderId: string,
    private readonly policy: SealingPolicy,
    private readonly options: ExportOptions,
  ) {}

  eventLine(event: RecordedEvent): string {
    const line = canonicalJson(this.lineOf(event));
    this.all.update(`${line}\n`, 'utf8');
    this.lineDigests.push(sha256Hex(line));
    this.last = event;
    return line;
  }

  private lineOf(event: RecordedEvent): BundleEventLine {
    const position = formatPosition(event.position);
    const recordedAt = event.recordedAt.toISOString();
    const shown = this.policy.redact(event, 'bundle');
    if (shown.sealed) {
      this.sealedEvents += 1;
      const streamName = this.policy.streamLabel(event.streamName);
      return { streamName, type: event.type, recordedAt, position, sealed: true };
    }
    this.documents.push(...listedDocuments(event));
    const head = this.heads.get(event.streamName);
    this.heads.set(event.streamName, {
      streamName: event.streamName,
      events: (head?.events ?? 0) + 1,
      headRevision: event.revision,
      headHash: event.hash,
    });
    const line: BundleEventLine = {
      streamName: event.streamName,
      type: event.type,
      recordedAt,
      position,
      eventId: event.eventId,
      version: event.version,
      revision: event.revision,
      data: shown.data,
      metadata: shown.metadata,
      previousHash: event.previousHash,
      hash: event.hash,
    };
    if (shown.withheld.length === 0) return line;
    this.withheldEvents += 1;
    return {
      ...line,
      withheld: shown.withheld,
      contentHash: storedContentHash(event)?.toString('hex') ?? '',
    };
  }

  manifest(): BundleManifest {
    return {
      format: BUNDLE_FORMAT,
      tenderId: this.tenderId,
      exportedAt: this.options.exportedAt.toISOString(),
      exporter: { ...this.options.exporter },
      upTo: this.last ? formatPosition(this.last.position) : null,
      eventCount: this.lineDigests.length,
      sealed: this.policy.sealed,
      sealedEvents: this.sealedEvents,
      withheldEvents: this.withheldEvents,
      streams: [...this.heads.values()].sort((a, b) =>
        a.streamName < b.streamName ? -1 : a.streamName > b.streamName ? 1 : 0,
      ),
      eventsSha256: this.all.copy().digest('hex'),
      lineSha256: [...this.lineDigests],
      documents: [...this.documents],
    };
  }
}

/**
 * The evidence bundle of a tender, streamed: one part per event in global order, then the manifest.
 * Constant memory apart from one digest per line; the sealing rule applies as everywhere in replay.
 */
export async function* exportBundle(
  store: EventStore,
  tenderId: string,
  options: ExportOptions,
): AsyncGenerator<BundlePart> {
  const policy = new SealingPolicy(tenderId, await loadExistingTender(store, tenderId));
  const writer = new BundleWriter(tenderId, policy, options);
  for await (const page of readTenderLog(store, tenderId)) {
    for (const event of page) {
      yield { kind: 'event', line: writer.eventLine(event), entry: historyEntry(event, policy) };
    }
  }
  yield { kind: 'manifest', manifest: writer.manifest() };
}

/** The manifest as the last line of an NDJSON bundle. */
export const manifestLine = (manifest: BundleManifest) => canonicalJson({ manifest });
