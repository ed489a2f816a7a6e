import {
  EventBuffer,
  formatPosition,
  pause,
  type EventStore,
  type Position,
  type RecordedEvent,
  type SqlClient,
} from '@fairtender/event-store';
import { advanceCheckpoint, readCheckpoint } from './checkpoint';

export type FeedState = 'stopped' | 'starting' | 'running' | 'retrying' | 'stopping';

export interface FeedStatus {
  state: FeedState;
  /** Last position whose jobs are enqueued, "<commit>-<prepare>"; null before the first event. */
  checkpoint: string | null;
  eventsHandled: number;
  /** Consecutive failed attempts at the current batch (or subscription). */
  failures: number;
  lastError?: string;
}

export interface FeedLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface FeedOptions {
  store: EventStore;
  client: SqlClient;
  handle: (events: readonly RecordedEvent[]) => Promise<unknown>;
  logger: FeedLogger;
  batchSize?: number;
  bufferSize?: number;
  /**
   * The checkpoint is written at most this often (and when the feed stops): after a crash at most
   * this much is handed over again, which the handler's idempotence absorbs. Default 250 ms.
   */
  checkpointIntervalMs?: number;
  /** First retry delay after a failure; doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/**
 * The checkpointed subscription that feeds the scheduler (docs/operations.md#scheduler): the log from the
 * scheduler's checkpoint on, in batches; a batch's jobs are enqueued, then the checkpoint moves past
 * it. A crash between the two hands the batch over again, which the handler's idempotence absorbs
 * (at-least-once in, exactly-once effect). Failures (the database or Redis away) are retried with
 * backoff from the last checkpoint, for as long as it takes.
 */
export class SchedulerFeed {
  private state: FeedState = 'stopped';
  private checkpoint?: Position;
  private eventsHandled = 0;
  private failures = 0;
  private lastError?: string;
  private active?: { controller: AbortController; finished: Promise<void> };
  private readonly batchSize: number;
  private readonly bufferSize: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly checkpointIntervalMs: number;
  /** Handled (jobs enqueued) but not yet written. */
  private handled?: Position;
  private savedAt = 0;

  constructor(private readonly options: FeedOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.bufferSize = options.bufferSize ?? 5000;
    this.retryDelayMs = options.retryDelayMs ?? 500;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 30_000;
    this.checkpointIntervalMs = options.checkpointIntervalMs ?? 250;
  }

  start(): void {
    if (this.active) return;
    const controller = new AbortController();
    this.state = 'starting';
    this.active = { controller, finished: this.run(controller.signal) };
  }

  /** Stops reading; a batch being handled is finished and checkpointed first. */
  async stop(): Promise<void> {
    const active = this.active;
    if (!active) return;
    this.state = 'stopping';
    active.controller.abort();
    await active.finished;
    this.active = undefined;
    this.state = 'stopped';
  }

  status(): FeedStatus {
    return {
      state: this.state,
      checkpoint: this.checkpoint ? formatPosition(this.checkpoint) : null,
      eventsHandled: this.eventsHandled,
      failures: this.failures,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  private async run(signal: AbortSignal): Promise<void> {
    let loaded = false;
    while (!signal.aborted) {
      try {
        if (!loaded) {
          this.checkpoint = await readCheckpoint(this.options.client);
          loaded = true;
          const from = this.checkpoint ? formatPosition(this.checkpoint) : 'the start of the log';
          this.options.logger.log(`Scheduler feed reading from ${from}`);
        }
        await this.follow(signal);
      } catch (error) {
        if (signal.aborted) break;
        this.failures += 1;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.state = 'retrying';
        const delay = Math.min(this.retryDelayMs * 2 ** (this.failures - 1), this.maxRetryDelayMs);
        this.options.logger.warn(
          `Scheduler feed failed (${this.failures} in a row), retrying in ${delay} ms: ${this.lastError}`,
        );
        await pause(delay, signal);
      }
    }
  }

  private async saveCheckpoint(): Promise<void> {
    const handled = this.handled;
    if (!handled || handled === this.checkpoint) return;
    await advanceCheckpoint(this.options.client, handled);
    this.checkpoint = handled;
    this.savedAt = Date.now();
  }

  /** Reads and handles until the signal aborts (returns) or something fails (throws). */
  private async follow(signal: AbortSignal): Promise<void> {
    const inner = new AbortController();
    const stop = () => inner.abort();
    if (signal.aborted) return;
    signal.addEventListener('abort', stop, { once: true });
    const batches = new EventBuffer(this.bufferSize);
    if (!signal.aborted) this.state = 'running';
    let readFailure: unknown;
    const reading = (async () => {
      // Every stream, not `streamPrefix: 'tender-'`: nearly all streams are tender streams, and such
      // a prefix costs the store a scan of its prefix index per page; the handler filters instead.
      const subscription = this.options.store.subscribeToAll({
        // Within this process, what was handled need not be handled again.
        after: this.handled ?? this.checkpoint,
        signal: inner.signal,
      });
      for await (const event of subscription) {
        await batches.push(event, inner.signal);
        if (inner.signal.aborted) return;
      }
      if (!inner.signal.aborted) throw new Error('The event store ended the subscription');
    })().catch((error: unknown) => {
      readFailure = error;
      inner.abort();
    });
    try {
      while (!inner.signal.aborted) {
        // With a checkpoint to write, wait for more events only until it is due.
        const unsaved = this.handled !== undefined && this.handled !== this.checkpoint;
        const due = Math.max(0, this.savedAt + this.checkpointIntervalMs - Date.now());
        const waiting = unsaved
          ? AbortSignal.any([inner.signal, AbortSignal.timeout(due)])
          : inner.signal;
        const batch = await batches.take(this.batchSize, waiting);
        if (batch.length === 0) {
          if (unsaved && !inner.signal.aborted) await this.saveCheckpoint();
          continue;
        }
        // Not interrupted by a stop: the batch is enqueued and checkpointed, or retried whole.
        await this.options.handle(batch);
        this.handled = batch[batch.length - 1].position;
        this.eventsHandled += batch.length;
        if (Date.now() - this.savedAt >= this.checkpointIntervalMs) await this.saveCheckpoint();
        this.failures = 0;
        this.lastError = undefined;
      }
    } finally {
      inner.abort();
      signal.removeEventListener('abort', stop);
      await reading;
    }
    await this.saveCheckpoint();
    if (readFailure !== undefined && !signal.aborted) throw readFailure;
  }
}
