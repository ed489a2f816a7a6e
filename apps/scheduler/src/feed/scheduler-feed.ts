import {
  CheckpointedConsumer,
  formatPosition,
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
 * The checkpointed subscription that feeds the scheduler (docs/operations.md#scheduler), on the
 * shared `CheckpointedConsumer`: the log from the scheduler's checkpoint on, in batches; a batch's
 * jobs are enqueued, then the checkpoint moves past it. A crash between the two hands the batch over
 * again, which the handler's idempotence absorbs (at-least-once in, exactly-once effect). Failures
 * (the database or Redis away) are retried with backoff from the last batch handled, for as long as
 * it takes.
 */
export class SchedulerFeed {
  private checkpoint?: Position;
  private readonly checkpointIntervalMs: number;
  /** Handled (jobs enqueued) but not yet written. */
  private handled?: Position;
  private savedAt = 0;
  private readonly consumer: CheckpointedConsumer;

  constructor(private readonly options: FeedOptions) {
    this.checkpointIntervalMs = options.checkpointIntervalMs ?? 250;
    const { logger } = options;
    this.consumer = new CheckpointedConsumer({
      store: options.store,
      batchSize: options.batchSize ?? 500,
      bufferSize: options.bufferSize ?? 5000,
      retry: {
        delayMs: options.retryDelayMs ?? 500,
        maxDelayMs: options.maxRetryDelayMs ?? 30_000,
      },
      handler: {
        resumeAfter: async () => {
          this.checkpoint = await readCheckpoint(options.client);
          return this.checkpoint;
        },
        handle: async (batch) => {
          // Not interrupted by a stop: the batch is enqueued and checkpointed, or retried whole.
          await options.handle(batch);
          this.handled = batch[batch.length - 1].position;
        },
        // The checkpoint is written at most every `checkpointIntervalMs`, and when the feed stops.
        flushDueInMs: () =>
          this.handled !== undefined && this.handled !== this.checkpoint
            ? Math.max(0, this.savedAt + this.checkpointIntervalMs - Date.now())
            : undefined,
        flush: () => this.saveCheckpoint(),
      },
      onStarted: (from) =>
        logger.log(
          `Scheduler feed reading from ${from ? formatPosition(from) : 'the start of the log'}`,
        ),
      onRetrying: (error, failures, delay) =>
        logger.warn(
          `Scheduler feed failed (${failures} in a row), retrying in ${delay} ms: ${error.message}`,
        ),
    });
  }

  start(): void {
    void this.consumer.start();
  }

  /** Stops reading; a batch being handled is finished and checkpointed first. */
  async stop(): Promise<void> {
    await this.consumer.stop();
  }

  status(): FeedStatus {
    const consumer = this.consumer.status();
    return {
      // Never 'failed': the feed retries every failure.
      state: consumer.state as FeedState,
      checkpoint: this.checkpoint ? formatPosition(this.checkpoint) : null,
      eventsHandled: consumer.eventsHandled,
      failures: consumer.failures,
      ...(consumer.lastError === undefined ? {} : { lastError: consumer.lastError }),
    };
  }

  private async saveCheckpoint(): Promise<void> {
    const handled = this.handled;
    if (!handled || handled === this.checkpoint) return;
    await advanceCheckpoint(this.options.client, handled);
    this.checkpoint = handled;
    this.savedAt = Date.now();
  }
}
