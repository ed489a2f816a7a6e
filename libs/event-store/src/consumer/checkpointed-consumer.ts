import { EventBuffer, pause } from '../event-buffer';
import type { EventOmissions, EventStore, Position, RecordedEvent } from '../port';

export type ConsumerState = 'stopped' | 'starting' | 'running' | 'retrying' | 'stopping' | 'failed';

/** What a consumer does with the log: where it resumes, and each batch. */
export interface ConsumerHandler {
  /** The position to read after: the stored checkpoint, read once each time the consumer starts. */
  resumeAfter(): Promise<Position | undefined>;
  /**
   * Handles one batch, in global order, and stores its checkpoint: in the transaction that writes the
   * batch's effects when they are in the same database (a crash then neither repeats nor skips an
   * event), or after its idempotent effects when they are not. Never interrupted by a stop.
   */
  handle(batch: readonly RecordedEvent[]): Promise<void>;
  /**
   * For a handler that writes its checkpoint lazily: how soon `flush` is due (0: now), or undefined
   * with nothing to write. The consumer waits for events no longer than that, and calls `flush`
   * once it is due, after a batch or when the log is quiet.
   */
  flushDueInMs?(): number | undefined;
  /** Writes what the handler holds back; also called whenever the consumer stops reading. */
  flush?(): Promise<void>;
}

export interface ConsumerRetry {
  /** First delay after a failure; doubles with each failure in a row up to `maxDelayMs`. */
  delayMs: number;
  maxDelayMs: number;
}

export interface CheckpointedConsumerOptions {
  store: EventStore;
  handler: ConsumerHandler;
  /** Events handed to the handler at once at most. */
  batchSize: number;
  /** Events read ahead of the handler. */
  bufferSize: number;
  /** What the handler never looks at, left out of every event read (see `EventOmissions`). */
  omit?: EventOmissions;
  /**
   * Without it, a failure stops the consumer (`failed`, with the checkpoint before the failed batch).
   * With it, failures are retried with backoff, from the last batch handled, for as long as it takes.
   */
  retry?: ConsumerRetry;
  /** Reading began after `position` (undefined: the start of the log). */
  onStarted?(position: Position | undefined): void;
  onRetrying?(error: Error, failures: number, delayMs: number): void;
  /** The consumer stopped, by `stop()` or with `error`. */
  onStopped?(error: Error | undefined): void;
}

const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * The one checkpointed consumer of the global event feed, shared by the projector and the scheduler
 * (docs/architecture.md#the-feed-consumer): reads the log after the handler's checkpoint in global
 * order into a bounded buffer, hands it over in batches (whatever has arrived, up to `batchSize`),
 * and resumes after the last batch handled. One loop reads, another handles, so reading goes on while
 * a batch is written.
 */
export class CheckpointedConsumer {
  private state: ConsumerState = 'stopped';
  private position?: Position;
  private eventsHandled = 0;
  private failures = 0;
  private lastError?: string;
  private error?: Error;
  private buffer?: EventBuffer;
  private inFlight?: { size: number; recordedAt: Date };
  private active?: { controller: AbortController; finished: Promise<void> };

  constructor(private readonly options: CheckpointedConsumerOptions) {}

  /** Starts in the background; resolves once reading began (or the start failed). */
  start(): Promise<void> {
    if (this.active) return Promise.resolve();
    const controller = new AbortController();
    let started!: () => void;
    const ready = new Promise<void>((resolve) => (started = resolve));
    this.state = 'starting';
    this.active = { controller, finished: this.run(controller.signal, started) };
    return ready;
  }

  /** Stops reading; the batch in hand is finished (and flushed) first. */
  async stop(): Promise<void> {
    const active = this.active;
    if (!active) return;
    if (this.state !== 'failed') this.state = 'stopping';
    active.controller.abort();
    await active.finished;
  }

  /** Resolves when the consumer has stopped, by `stop()` or by a failure. */
  async whenStopped(): Promise<void> {
    await this.active?.finished;
  }

  status() {
    return {
      state: this.state,
      /** The last position handed over and handled (or resumed after). */
      position: this.position,
      eventsHandled: this.eventsHandled,
      /** Consecutive failed attempts at the current batch (or subscription). */
      failures: this.failures,
      lastError: this.lastError,
      /** Why the consumer stopped, when `state` is `failed`. */
      error: this.state === 'failed' ? this.error : undefined,
      /** Events read and not yet handled, and when the oldest of them was recorded. */
      pendingEvents: (this.buffer?.size ?? 0) + (this.inFlight?.size ?? 0),
      oldestPending: this.inFlight?.recordedAt ?? this.buffer?.oldest?.recordedAt,
    };
  }

  private async run(signal: AbortSignal, started: () => void): Promise<void> {
    const { handler, retry } = this.options;
    this.error = undefined;
    let loaded = false;
    try {
      while (!signal.aborted) {
        try {
          if (!loaded) {
            this.position = await handler.resumeAfter();
            loaded = true;
            this.options.onStarted?.(this.position);
          }
          await this.follow(signal, started);
        } catch (error) {
          const failure = toError(error);
          if (!retry) {
            this.error = failure;
            break;
          }
          if (signal.aborted) break;
          this.failures += 1;
          this.lastError = failure.message;
          this.state = 'retrying';
          const delay = Math.min(retry.delayMs * 2 ** (this.failures - 1), retry.maxDelayMs);
          this.options.onRetrying?.(failure, this.failures, delay);
          await pause(delay, signal);
        }
      }
    } finally {
      started();
      this.active = undefined;
      this.state = this.error ? 'failed' : 'stopped';
      this.options.onStopped?.(this.error);
    }
  }

  /** Reads and handles until the signal aborts (returns) or something fails (throws). */
  private async follow(signal: AbortSignal, started: () => void): Promise<void> {
    const { store, handler, batchSize, bufferSize } = this.options;
    if (signal.aborted) return;
    const inner = new AbortController();
    const stop = () => inner.abort();
    signal.addEventListener('abort', stop, { once: true });
    const buffer = new EventBuffer(bufferSize);
    this.buffer = buffer;
    this.state = 'running';
    started();
    let readFailure: unknown;
    const reading = (async () => {
      // Every stream: a stream prefix costs the store a scan of its prefix index per page, and
      // nearly all streams are tender streams; handlers skip what they do not need.
      const subscription = store.subscribeToAll({
        after: this.position,
        signal: inner.signal,
        ...(this.options.omit ? { omit: this.options.omit } : {}),
      });
      for await (const event of subscription) {
        await buffer.push(event, inner.signal);
        if (inner.signal.aborted) return;
      }
      if (!inner.signal.aborted) throw new Error('The event store ended the subscription');
    })().catch((error: unknown) => {
      readFailure = error;
      inner.abort();
    });
    try {
      while (!inner.signal.aborted) {
        // With something to flush, wait for more events only until it is due.
        const due = handler.flushDueInMs?.();
        const waiting =
          due === undefined
            ? inner.signal
            : AbortSignal.any([inner.signal, AbortSignal.timeout(due)]);
        const batch = await buffer.take(batchSize, waiting);
        if (batch.length === 0) {
          if (due !== undefined && !inner.signal.aborted) await handler.flush?.();
          continue;
        }
        this.inFlight = { size: batch.length, recordedAt: batch[0].recordedAt };
        try {
          await handler.handle(batch);
        } finally {
          this.inFlight = undefined;
        }
        this.position = batch[batch.length - 1].position;
        this.eventsHandled += batch.length;
        if (handler.flushDueInMs?.() === 0) await handler.flush?.();
        this.failures = 0;
        this.lastError = undefined;
      }
    } finally {
      inner.abort();
      signal.removeEventListener('abort', stop);
      await reading;
      this.buffer = undefined;
    }
    await handler.flush?.();
    if (readFailure !== undefined && !signal.aborted) throw readFailure;
  }
}
