import type { TenderState } from '@fairtender/domain';
import type { EventMetadata, RecordedEvent } from '@fairtender/event-store';
import { streamKind } from './tender-log';

const BID_EVENT_TYPES = new Set([
  'BidSubmitted',
  'BidRevised',
  'BidWithdrawn',
  'BidReconfirmed',
  'LateBidRefused',
]);

/**
 * Where an event is shown: `view` (history, state, diff, the HTML timeline) or `bundle` (the NDJSON
 * evidence a third party verifies). They differ in one thing only: a bundle keeps an opened bid's
 * ciphertext, because its hash can only be recomputed from the whole event; a view never needs it.
 */
export type Audience = 'view' | 'bundle';

/** An event as replay may show it: either sealed (type, time and position only) or with some fields withheld. */
export type Redacted =
  { sealed: true } | { sealed: false; data: unknown; metadata: EventMetadata; withheld: string[] };

/**
 * The sealing rule of legal replay (docs/legal-replay.md), decided by whether the bids have been opened *now*,
 * whatever moment is replayed:
 *
 * - Before `BidsOpened`, nothing of a bid goes beyond what the officer's register shows (how many,
 *   when they arrived): an event of a bid stream (or any bid event) is shown as its type, time and
 *   global position only — no stream name, revision, hashes, actor or data, since even a hash or a
 *   revision links a bidder's events together. Who asked a clarification question and which
 *   supplier acted anywhere on the tender are withheld too: they would name likely bidders.
 * - Always: the tender's wrapped data key is withheld (`data.wrappedKey`). A bundle may then carry an
 *   opened bid's ciphertext without anyone, even a holder of the master key, being able to open it.
 * - Replay never decrypts: contents are read only through the officers' content endpoint.
 */
export class SealingPolicy {
  readonly sealed: boolean;

  constructor(
    readonly tenderId: string,
    tender: TenderState,
  ) {
    this.sealed = tender.opening.bidStreams === undefined;
  }

  /** A bid event while the bids are sealed. */
  isSealed(event: Pick<RecordedEvent, 'streamName' | 'type'>): boolean {
    return (
      this.sealed && (streamKind(event.streamName) === 'bid' || BID_EVENT_TYPES.has(event.type))
    );
  }

  /** The name replay shows for a stream: a sealed bid stream is never named. */
  streamLabel(streamName: string): string {
    return this.sealed && streamKind(streamName) === 'bid'
      ? `tender-${this.tenderId}.bid-(sealed)`
      : streamName;
  }

  redact(event: RecordedEvent, audience: Audience): Redacted {
    if (this.isSealed(event)) return { sealed: true };
    const data = isRecord(event.data) ? { ...event.data } : event.data;
    const metadata = { ...event.metadata };
    const withheld: string[] = [];
    const withhold = (target: unknown, path: string, key: string) => {
      if (!isRecord(target) || !Object.hasOwn(target, key)) return;
      delete target[key];
      withheld.push(path);
    };
    if (event.type === 'BidSealingKeyIssued') withhold(data, 'data.wrappedKey', 'wrappedKey');
    if (audience === 'view' && (event.type === 'BidSubmitted' || event.type === 'BidRevised')) {
      withhold(data, 'data.sealed', 'sealed');
    }
    if (this.sealed) {
      if (event.type === 'ClarificationRequested') withhold(data, 'data.supplierId', 'supplierId');
      if (metadata.actor?.role === 'supplier') withhold(metadata, 'metadata.actor', 'actor');
    }
    return { sealed: false, data, metadata, withheld };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
