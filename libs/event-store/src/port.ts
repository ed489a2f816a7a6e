/**
 * The event-store port (docs/architecture.md#the-event-store). Every app reads and writes events through this interface only;
 * adapters (PostgreSQL, embedded PGlite, EventStoreDB) implement it and share one contract test suite.
 */

/** Who did it, on whose behalf, and why: stamped at the edge from the request context. */
export interface EventMetadata {
  actor?: { userId: string; organisationId?: string; role?: string };
  correlationId?: string;
  causationId?: string;
  [key: string]: unknown;
}

export interface EventToAppend<Data = unknown> {
  /** UUID. Re-sending the same id with the same expectation is idempotent. */
  eventId: string;
  /** Past-tense fact, e.g. "BidSubmitted". Never a class name. */
  type: string;
  /** Schema version of `data` for this type; old versions are upcast on read. */
  version: number;
  data: Data;
  metadata?: EventMetadata;
}

/**
 * Global position: `commit` orders transactions, `prepare` orders events inside one.
 * (The same shape EventStoreDB uses, so every adapter speaks it natively.)
 */
export interface Position {
  commit: bigint;
  prepare: bigint;
}

export interface RecordedEvent<Data = unknown> {
  eventId: string;
  type: string;
  version: number;
  streamName: string;
  /** 0-based revision of the event in its stream. */
  revision: number;
  position: Position;
  data: Data;
  metadata: EventMetadata;
  recordedAt: Date;
  /** Hex SHA-256 of the previous event of the stream (64 zeros for the first). */
  previousHash: string;
  /** Hex SHA-256 chaining this event to `previousHash` (see libs/crypto hash-chain). */
  hash: string;
}

/** Expected state of the stream before an append (optimistic concurrency). */
export type ExpectedRevision = number | 'any' | 'no_stream' | 'stream_exists';

export interface AppendResult {
  /** Revision of the last event written (the stream's new revision). */
  nextRevision: number;
  /** Global position of the last event written. */
  position: Position;
}

/**
 * What a read leaves out of every event, for readers that look at less than the whole event (a fold,
 * the read models): a sealed bid's ciphertext is most of its bytes, and no fold reads it. Whatever is
 * left out is absent from the events returned, so an event read this way no longer matches its hash:
 * verification and evidence read whole events.
 */
export interface EventOmissions {
  /**
   * Top-level fields of `data` left out, where `data` is an object that has them: e.g. `['sealed']`.
   * Data of any other shape (an array, a string, null) is returned as it is.
   */
  data?: readonly string[];
  /** Leave out `metadata` (the actor, correlation and causation ids): returned as `{}`. */
  metadata?: boolean;
}

export interface ReadStreamOptions {
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
  omit?: EventOmissions;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omit to start at the beginning. */
  after?: Position;
  /** Literal prefix of stream names, e.g. `tender-<id>` reads a whole tender. */
  streamPrefix?: string;
  maxCount?: number;
  omit?: EventOmissions;
}

export interface SubscribeOptions {
  /** Exclusive: the subscription catches up from just after this position, then goes live. */
  after?: Position;
  streamPrefix?: string;
  /** Aborting ends the iteration cleanly. */
  signal?: AbortSignal;
  omit?: EventOmissions;
}

/** Catch-up then live, with no gap and no duplicate. Break out of `for await` (or call close) to stop. */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  append(
    streamName: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;
  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * The last event of every stream whose name starts with `streamPrefix`, as committed now. Unlike
   * `readAll`, not held back by the global-order horizon: what a decision that must see every stream
   * (opening anchors every bid) reads. Ordered by stream name.
   */
  readStreamHeads(streamPrefix: string): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Cheap round trip for health checks; throws when the store is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
