import { chainHash, GENESIS_HASH_HEX } from '@fairtender/crypto';
import type { BidStreamHead } from '@fairtender/domain';
import { comparePositions, formatPosition, type Position } from '@fairtender/event-store';
import { belongsToTender } from './tender-log';

export type BreakReason =
  /** The event's content no longer hashes to its stored hash: data, metadata, type… changed. */
  | 'content-changed'
  /** The event's previousHash is not the hash of the event before it: an event replaced, moved or swapped. */
  | 'previous-hash-mismatch'
  /** A revision is absent: an event was deleted. */
  | 'missing-event'
  /** Revisions do not follow the order the events were written in: events swapped or renumbered. */
  | 'revision-order'
  | 'duplicate-revision'
  /** An anchored head (BidsOpened.bidStreams) names an event that is not there… */
  | 'anchored-head-missing'
  /** …or whose hash differs from the one the tender stream committed to. */
  | 'anchored-head-mismatch'
  | 'anchor-outside-tender'
  // Evidence bundles only (see bundle-verify.ts):
  | 'malformed-line'
  | 'not-canonical'
  | 'position-order'
  | 'line-digest-mismatch'
  | 'manifest-mismatch';

/** The first break of a stream, precisely: which event, what the chain expected and what is there. */
export interface ChainBreak {
  streamName: string;
  revision: number | null;
  reason: BreakReason;
  /** For `content-changed` the stored hash; for a link, the hash of the event before; for an anchor, the anchored hash. */
  expectedHash: string | null;
  /** For `content-changed` the hash recomputed from the content now; for a link, the stored previousHash; for an anchor, the stored hash. */
  actualHash: string | null;
  /** Global position of the event concerned ("<commit>-<prepare>"), when there is one. */
  position: string | null;
  /** Line of the evidence bundle (1-based), when verifying a bundle. */
  line?: number;
  message: string;
}

/** One event as the chain check needs it; `contentHash` is recomputed by the caller (or given for withheld content). */
export interface ChainLink {
  streamName: string;
  revision: number;
  position: Position;
  previousHash: string;
  hash: string;
  contentHash: Buffer | null;
  type: string;
  /** The heads a `BidsOpened` of the tender stream commits to. */
  anchors?: BidStreamHead[];
  line?: number;
}

export interface StreamHead {
  streamName: string;
  events: number;
  headRevision: number;
  headHash: string;
}

export interface ChainReport {
  intact: boolean;
  eventsChecked: number;
  anchorsChecked: number;
  streams: StreamHead[];
  /** The first break of each stream (and each failed anchor), earliest first. */
  breaks: ChainBreak[];
  firstBreak: ChainBreak | null;
}

interface Candidate {
  at: ChainLink;
  break: ChainBreak;
}

/**
 * Checks every stream's hash chain (libs/crypto `chainHash`, exactly as the store computes it) and
 * every anchored head, from events offered in global order. Structure first (order, gaps), then
 * links and hashes; the break reported for a stream is its earliest in global order.
 */
export class ChainVerifier {
  private readonly streams = new Map<string, ChainLink[]>();
  private readonly anchored: ChainLink[] = [];
  private events = 0;

  constructor(
    private readonly tenderId: string,
    /** How a stream is named in the report (sealed bid streams are not named). */
    private readonly label: (streamName: string) => string = (name) => name,
  ) {}

  add(link: ChainLink): void {
    this.events += 1;
    const stream = this.streams.get(link.streamName);
    if (stream) stream.push(link);
    else this.streams.set(link.streamName, [link]);
    if (link.anchors) this.anchored.push(link);
  }

  finish(): ChainReport {
    const candidates: Candidate[] = [];
    const streams: StreamHead[] = [];
    for (const [streamName, links] of this.streams) {
      const found = [...this.checkOrder(links), ...this.checkRevisions(links)];
      const sorted = [...links].sort((a, b) => a.revision - b.revision);
      const chain = this.checkChain(sorted);
      if (chain) found.push(chain);
      const first = found.sort(earliest)[0];
      if (first) candidates.push(first);
      const head = sorted[sorted.length - 1];
      streams.push({
        streamName,
        events: links.length,
        headRevision: head.revision,
        headHash: head.hash,
      });
    }
    let anchorsChecked = 0;
    for (const opened of this.anchored) {
      for (const head of opened.anchors ?? []) {
        anchorsChecked += 1;
        const failure = this.checkAnchor(opened, head);
        if (failure) candidates.push(failure);
      }
    }
    const breaks = candidates.sort(earliest).map((candidate) => candidate.break);
    return {
      intact: breaks.length === 0,
      eventsChecked: this.events,
      anchorsChecked,
      streams,
      breaks,
      firstBreak: breaks[0] ?? null,
    };
  }

  private breakAt(
    link: ChainLink,
    revision: number | null,
    reason: BreakReason,
    expectedHash: string | null,
    actualHash: string | null,
    message: string,
    streamName = link.streamName,
  ): Candidate {
    return {
      at: link,
      break: {
        streamName: this.label(streamName),
        revision,
        reason,
        expectedHash,
        actualHash,
        position: formatPosition(link.position),
        ...(link.line !== undefined ? { line: link.line } : {}),
        message,
      },
    };
  }

  /** Revisions must rise in the order the events were written. */
  private checkOrder(links: ChainLink[]): Candidate[] {
    for (let i = 1; i < links.length; i += 1) {
      const [before, after] = [links[i - 1], links[i]];
      if (after.revision > before.revision) continue;
      const name = this.label(after.streamName);
      return [
        after.revision === before.revision
          ? this.breakAt(
              after,
              after.revision,
              'duplicate-revision',
              before.hash,
              after.hash,
              `${name} holds revision ${after.revision} twice`,
            )
          : this.breakAt(
              after,
              after.revision,
              'revision-order',
              before.hash,
              after.previousHash,
              `${name}: revision ${after.revision} was written after revision ${before.revision} (events swapped or renumbered)`,
            ),
      ];
    }
    return [];
  }

  /** Revisions 0, 1, 2, … with none missing. */
  private checkRevisions(links: ChainLink[]): Candidate[] {
    const sorted = [...links].sort((a, b) => a.revision - b.revision);
    for (let i = 0; i < sorted.length; i += 1) {
      const link = sorted[i];
      if (link.revision <= i) continue;
      const missing =
        link.revision - 1 === i ? `revision ${i} is` : `revisions ${i}–${link.revision - 1} are`;
      return [
        this.breakAt(
          link,
          i,
          'missing-event',
          link.previousHash,
          null,
          `${this.label(link.streamName)}: ${missing} missing (an event was deleted); revision ${link.revision} chains to ${link.previousHash}`,
        ),
      ];
    }
    return [];
  }

  /** Each previousHash is the hash before it, and each hash recomputes from the content. */
  private checkChain(sorted: ChainLink[]): Candidate | undefined {
    let previous = GENESIS_HASH_HEX;
    for (const link of sorted) {
      const name = this.label(link.streamName);
      if (link.previousHash !== previous) {
        return this.breakAt(
          link,
          link.revision,
          'previous-hash-mismatch',
          previous,
          link.previousHash,
          `${name}@${link.revision}: previousHash does not match the hash of the event before it (an event was replaced, moved or swapped)`,
        );
      }
      const recomputed = link.contentHash
        ? chainHash(
            Buffer.from(link.previousHash, 'hex'),
            link.contentHash,
            link.revision,
          ).toString('hex')
        : null;
      if (recomputed !== link.hash) {
        return this.breakAt(
          link,
          link.revision,
          'content-changed',
          link.hash,
          recomputed,
          `${name}@${link.revision} (${link.type}): the event's content no longer matches its hash (it was changed after it was written)`,
        );
      }
      previous = link.hash;
    }
    return undefined;
  }

  private checkAnchor(opened: ChainLink, head: BidStreamHead): Candidate | undefined {
    const where = `${opened.type} at ${opened.streamName}@${opened.revision}`;
    if (!belongsToTender(this.tenderId, head.streamName)) {
      return this.breakAt(
        opened,
        head.revision,
        'anchor-outside-tender',
        head.hash,
        null,
        `${where} anchors ${head.streamName}, which is not a stream of tender ${this.tenderId}`,
        head.streamName,
      );
    }
    const target = this.streams.get(head.streamName)?.find((l) => l.revision === head.revision);
    const name = this.label(head.streamName);
    if (!target) {
      return this.breakAt(
        opened,
        head.revision,
        'anchored-head-missing',
        head.hash,
        null,
        `${where} commits to ${name}@${head.revision}, which is missing`,
        head.streamName,
      );
    }
    if (target.hash !== head.hash) {
      return this.breakAt(
        target,
        head.revision,
        'anchored-head-mismatch',
        head.hash,
        target.hash,
        `${where} commits to ${name}@${head.revision} with another hash than the one stored`,
      );
    }
    return undefined;
  }
}

function earliest(a: Candidate, b: Candidate): number {
  if (a.at.line !== undefined && b.at.line !== undefined) return a.at.line - b.at.line;
  return comparePositions(a.at.position, b.at.position);
}
