import { createHash } from 'node:crypto';
import { canonicalJson, contentHash } from '@fairtender/crypto';
import { parsePosition, comparePositions, type Position } from '@fairtender/event-store';
import { BUNDLE_FORMAT, type BundleEventLine, type BundleManifest } from './bundle';
import {
  ChainVerifier,
  type BreakReason,
  type ChainBreak,
  type ChainLink,
  type StreamHead,
} from './chain-verifier';
import { ReplayError } from './errors';
import { streamKind } from './tender-log';

export interface BundleVerification {
  intact: boolean;
  tenderId: string;
  upTo: string | null;
  /** Event lines read. */
  lines: number;
  /** Events whose chain was checked (sealed placeholders are not). */
  eventsChecked: number;
  /** Of those, events whose hash was checked with the content hash they carry (fields withheld). */
  withheldEvents: number;
  sealedEvents: number;
  anchorsChecked: number;
  streams: StreamHead[];
  firstBreak: ChainBreak | null;
  breaks: ChainBreak[];
}

const HEX64 = /^[0-9a-f]{64}$/;
const POSITION = /^\d{1,20}-\d{1,20}$/;
/** Among breaks on one line, the most telling first: a chain break says more than an altered digest. */
const LINE_DIGEST_LAST: Partial<Record<BreakReason, number>> = {
  'line-digest-mismatch': 1,
  'manifest-mismatch': 2,
};

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Offline verification of an evidence bundle: no server, no database, only SHA-256 and RFC 8785. Feed
 * the event lines in order, then the manifest. The README's "Verifying a bundle offline" is this
 * algorithm in words, for anyone to re-implement.
 */
export class BundleVerifier {
  private readonly all = createHash('sha256');
  private readonly digests: string[] = [];
  private readonly links: ChainLink[] = [];
  private readonly problems: ChainBreak[] = [];
  private previousPosition?: Position;
  private sealedEvents = 0;
  private withheldEvents = 0;
  private lastPosition: string | null = null;

  /** One event line, without its line feed. */
  line(text: string): void {
    const line = this.digests.length + 1;
    this.digests.push(sha256Hex(text));
    this.all.update(`${text}\n`, 'utf8');
    const problem = (reason: BreakReason, message: string, at: Partial<ChainBreak> = {}) =>
      this.problems.push({
        streamName: '(unknown)',
        revision: null,
        expectedHash: null,
        actualHash: null,
        position: null,
        ...at,
        reason,
        line,
        message: `line ${line}: ${message}`,
      });
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return void problem('malformed-line', 'is not JSON');
    }
    const event = parsed as BundleEventLine;
    const shape = describeShape(event);
    if (shape) return void problem('malformed-line', shape);
    const at = {
      streamName: event.streamName,
      revision: event.revision ?? null,
      position: event.position,
    };
    let canonical: string;
    try {
      canonical = canonicalJson(parsed);
    } catch (error) {
      return void problem('malformed-line', (error as Error).message, at);
    }
    if (canonical !== text) {
      problem(
        'not-canonical',
        'is not in RFC 8785 canonical form (it was re-encoded or edited)',
        at,
      );
    }
    const position = parsePosition(event.position);
    if (this.previousPosition && comparePositions(position, this.previousPosition) <= 0) {
      problem('position-order', `position ${event.position} is not after the line before it`, at);
    }
    this.previousPosition = position;
    this.lastPosition = event.position;
    if (event.sealed) {
      this.sealedEvents += 1;
      return;
    }
    let hash: Buffer | null;
    if (event.withheld !== undefined) {
      this.withheldEvents += 1;
      hash = Buffer.from(event.contentHash!, 'hex');
    } else {
      try {
        hash = contentHash({
          eventId: event.eventId!,
          streamName: event.streamName,
          type: event.type,
          version: event.version!,
          data: event.data,
          metadata: event.metadata,
        });
      } catch {
        hash = null;
      }
    }
    this.links.push({
      streamName: event.streamName,
      revision: event.revision!,
      position,
      previousHash: event.previousHash!,
      hash: event.hash!,
      contentHash: hash,
      type: event.type,
      line,
      ...(event.type === 'BidsOpened' && streamKind(event.streamName) === 'tender'
        ? { anchors: anchorsOf(event.data) }
        : {}),
    });
  }

  /** Checks the chains, the anchors and the manifest; `INVALID_BUNDLE` if there is no usable manifest. */
  finish(manifest: unknown): BundleVerification {
    const checked = assertManifest(manifest);
    const verifier = new ChainVerifier(checked.tenderId);
    for (const link of this.links) verifier.add(link);
    const report = verifier.finish();
    const breaks = [
      ...this.problems,
      ...report.breaks,
      ...this.manifestBreaks(checked, report.streams),
    ];
    breaks.sort(
      (a, b) =>
        (a.line ?? Infinity) - (b.line ?? Infinity) ||
        (LINE_DIGEST_LAST[a.reason] ?? 0) - (LINE_DIGEST_LAST[b.reason] ?? 0),
    );
    return {
      intact: breaks.length === 0,
      tenderId: checked.tenderId,
      upTo: this.lastPosition,
      lines: this.digests.length,
      eventsChecked: report.eventsChecked,
      withheldEvents: this.withheldEvents,
      sealedEvents: this.sealedEvents,
      anchorsChecked: report.anchorsChecked,
      streams: report.streams,
      firstBreak: breaks[0] ?? null,
      breaks,
    };
  }

  private manifestBreaks(manifest: BundleManifest, streams: StreamHead[]): ChainBreak[] {
    const breaks: ChainBreak[] = [];
    const add = (message: string, at: Partial<ChainBreak> = {}) =>
      breaks.push({
        streamName: '(manifest)',
        revision: null,
        expectedHash: null,
        actualHash: null,
        position: null,
        ...at,
        reason: at.reason ?? 'manifest-mismatch',
        message,
      });
    this.digests.forEach((digest, i) => {
      if (manifest.lineSha256[i] !== digest) {
        add(`line ${i + 1}: its SHA-256 is not the one the manifest lists (the line was altered)`, {
          reason: 'line-digest-mismatch',
          line: i + 1,
          expectedHash: manifest.lineSha256[i] ?? null,
          actualHash: digest,
        });
      }
    });
    if (
      manifest.eventCount !== this.digests.length ||
      manifest.lineSha256.length !== this.digests.length
    ) {
      add(
        `the manifest lists ${manifest.eventCount} event lines (${manifest.lineSha256.length} digests) but the bundle has ${this.digests.length} (lines were added or removed)`,
      );
    }
    const eventsSha256 = this.all.copy().digest('hex');
    if (manifest.eventsSha256 !== eventsSha256) {
      add("the SHA-256 of the event lines is not the manifest's eventsSha256", {
        expectedHash: manifest.eventsSha256,
        actualHash: eventsSha256,
      });
    }
    if (
      manifest.sealedEvents !== this.sealedEvents ||
      manifest.withheldEvents !== this.withheldEvents
    ) {
      add(
        `the manifest counts ${manifest.sealedEvents} sealed and ${manifest.withheldEvents} withheld events; the lines hold ${this.sealedEvents} and ${this.withheldEvents}`,
      );
    }
    const found = new Map(streams.map((stream) => [stream.streamName, stream]));
    for (const listed of manifest.streams) {
      const actual = found.get(listed.streamName);
      found.delete(listed.streamName);
      if (
        actual?.headHash !== listed.headHash ||
        actual.headRevision !== listed.headRevision ||
        actual.events !== listed.events
      ) {
        add(
          `${listed.streamName}: the manifest's head is revision ${listed.headRevision} (${listed.events} events), the lines end at ${actual ? `revision ${actual.headRevision} (${actual.events} events)` : 'nothing'}`,
          {
            streamName: listed.streamName,
            revision: listed.headRevision,
            expectedHash: listed.headHash,
            actualHash: actual?.headHash ?? null,
          },
        );
      }
    }
    for (const extra of found.values()) {
      add(`${extra.streamName} is in the lines but not in the manifest`, {
        streamName: extra.streamName,
        revision: extra.headRevision,
        actualHash: extra.headHash,
      });
    }
    return breaks;
  }
}

function describeShape(event: BundleEventLine): string | undefined {
  if (typeof event !== 'object' || event === null || Array.isArray(event))
    return 'is not a JSON object';
  if (typeof event.streamName !== 'string' || typeof event.type !== 'string')
    return 'lacks streamName or type';
  if (typeof event.position !== 'string' || !POSITION.test(event.position))
    return 'lacks a position like "1234-5678"';
  if (typeof event.recordedAt !== 'string') return 'lacks recordedAt';
  if (event.sealed === true) return undefined;
  if (typeof event.eventId !== 'string') return 'lacks eventId';
  if (!Number.isInteger(event.version) || !Number.isInteger(event.revision) || event.revision! < 0)
    return 'lacks an integer version or revision';
  if (!HEX64.test(event.previousHash ?? '') || !HEX64.test(event.hash ?? ''))
    return 'lacks a 64-digit hex previousHash or hash';
  if (typeof event.metadata !== 'object' || event.metadata === null) return 'lacks metadata';
  if (event.withheld !== undefined && !HEX64.test(event.contentHash ?? ''))
    return 'withholds fields but lacks a 64-digit hex contentHash';
  return undefined;
}

function anchorsOf(data: unknown): ChainLink['anchors'] {
  const heads = (data as { bidStreams?: unknown } | null)?.bidStreams;
  return Array.isArray(heads) ? (heads as ChainLink['anchors']) : [];
}

function assertManifest(value: unknown): BundleManifest {
  const manifest = value as BundleManifest | undefined;
  const problem =
    typeof manifest !== 'object' || manifest === null
      ? 'no manifest'
      : manifest.format !== BUNDLE_FORMAT
        ? `format "${String(manifest.format)}" is not ${BUNDLE_FORMAT}`
        : typeof manifest.tenderId !== 'string' ||
            !Array.isArray(manifest.streams) ||
            !Array.isArray(manifest.lineSha256) ||
            typeof manifest.eventsSha256 !== 'string'
          ? 'the manifest lacks tenderId, streams, lineSha256 or eventsSha256'
          : undefined;
  if (problem) throw new ReplayError('INVALID_BUNDLE', `Not an evidence bundle: ${problem}`);
  return manifest!;
}
