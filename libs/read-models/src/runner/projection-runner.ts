import {
  CheckpointedConsumer,
  formatPosition,
  type EventStore,
  type Position,
  type SqlClient,
} from '@fairtender/event-store';
import { READ_MODEL_PROJECTIONS } from '../read-models';
import type { Projection } from '../runner/projection';
import { READ_MODEL_TABLES } from '../schema/migrations';
import { applyBatch } from './apply-batch';
import { READ_MODEL_OMISSIONS } from './read-model-omissions';
import {
  earliest,
  ensureCheckpoints,
  groupsOf,
  READ_MODELS_PROJECTION,
  type GroupCheckpoints,
} from './checkpoint';

export type RunnerState = 'stopped' | 'starting' | 'running' | 'stopping' | 'failed';

export interface RunnerStatus {
  state: RunnerState;
  /** Last position whose effects are committed, "<commit>-<prepare>"; null before the first event. */
  checkpoint: string | null;
  /** Events received from the store and not yet committed to the read models. */
  pendingEvents: number;
  /** Age of the oldest of those events (0 when there are none): how far behind the read models are. */
  lagMs: number;
  /** Events projected (committed) since this runner was created. */
  eventsProjected: number;
  /** Why the runner stopped, when `state` is `failed`. */
  error?: string;
}

export interface RunnerLogger {
  log(message: string): void;
  error(message: string, stack?: string): void;
}

export interface ProjectionRunnerOptions {
  store: EventStore;
  /** The PostgreSQL (or PGlite) that holds the read models. */
  client: SqlClient;
  /** The checkpoints' namespace (one row per checkpoint group in it); one per runner writing these tables. */
  projection?: string;
  projections?: readonly Projection[];
  /**
   * Events per transaction at most (default 10,000). Live, a batch is whatever has arrived, usually a
   * few events; only a projector that is behind (a rebuild, a catch-up) fills batches, where fewer,
   * larger transactions rewrite each tender's rows less often (a rebuild from zero: 2,500 a batch
   * ran at 75–85 % of the rate of 10,000, docs/benchmarks.md).
   */
  batchSize?: number;
  /** Events read ahead of the projections (default 20,000: the next two batches). */
  bufferSize?: number;
  logger?: RunnerLogger;
}

const SILENT: RunnerLogger = { log: () => undefined, error: () => undefined };

/**
 * Catch-up subscription from the event store into the read models, on the shared
 * `CheckpointedConsumer`: it reads events into a bounded buffer and hands them over in batches, each
 * applied with its checkpoints in one transaction (`applyBatch`), so a crash neither applies an event
 * twice nor skips one (docs/decisions/0007-checkpoint-in-the-read-model-transaction.md). A failure
 * stops the runner, with the checkpoint left before the failed batch, and `status()` reports it.
 */
export class ProjectionRunner {
  private readonly client: SqlClient;
  private readonly projection: string;
  private readonly projections: readonly Projection[];
  private readonly logger: RunnerLogger;
  private readonly consumer: CheckpointedConsumer;
  private checkpoints: GroupCheckpoints = new Map();

  constructor(options: ProjectionRunnerOptions) {
    this.client = options.client;
    this.projection = options.projection ?? READ_MODELS_PROJECTION;
    this.projections = options.projections ?? READ_MODEL_PROJECTIONS;
    this.logger = options.logger ?? SILENT;
    this.consumer = new CheckpointedConsumer({
      store: options.store,
      batchSize: options.batchSize ?? 10_000,
      bufferSize: options.bufferSize ?? 20_000,
      omit: READ_MODEL_OMISSIONS,
      handler: {
        resumeAfter: async () => {
          this.checkpoints = await ensureCheckpoints(
            this.client,
            this.projection,
            groupsOf(this.projections),
          );
          // Where every group has got to: the subscription resumes after it.
          return this.checkpoint;
        },
        handle: async (batch) => {
          this.checkpoints = await applyBatch(batch, {
            client: this.client,
            projection: this.projection,
            projections: this.projections,
            after: this.checkpoints,
          });
        },
      },
      onStarted: () => this.logger.log(`Projecting from ${this.describe(this.checkpoint)}`),
      onStopped: (failure) => {
        if (failure) {
          this.logger.error(
            `Projection stopped with the checkpoint at ${this.describe(this.checkpoint)}: ${failure.message}`,
            failure.stack,
          );
        } else {
          this.logger.log(`Projection stopped at ${this.describe(this.checkpoint)}`);
        }
      },
    });
  }

  /** Reads the checkpoint and starts projecting in the background; no-op while already running. */
  async start(): Promise<void> {
    await this.consumer.start();
  }

  /** Stops reading, lets the transaction in flight commit, and resolves once nothing runs. */
  async stop(): Promise<void> {
    await this.consumer.stop();
  }

  /** Resolves when the runner has stopped, by `stop()` or by a failure. */
  async whenStopped(): Promise<void> {
    await this.consumer.whenStopped();
  }

  /** Empties every read-model table and the checkpoint in one transaction, then catches up again. */
  async rebuild(): Promise<void> {
    await this.stop();
    await this.client.transaction((tx) => tx.query(`TRUNCATE ${READ_MODEL_TABLES.join(', ')}`));
    this.logger.log('Read models truncated; rebuilding from the start of the log');
    await this.start();
  }

  status(): RunnerStatus {
    const consumer = this.consumer.status();
    const oldest = consumer.oldestPending;
    return {
      // Never 'retrying': the runner is given no retry policy, so a failure stops it.
      state: consumer.state as RunnerState,
      checkpoint: this.checkpoint ? formatPosition(this.checkpoint) : null,
      pendingEvents: consumer.pendingEvents,
      lagMs: oldest ? Math.max(0, Date.now() - oldest.getTime()) : 0,
      eventsProjected: consumer.eventsHandled,
      ...(consumer.error ? { error: consumer.error.message } : {}),
    };
  }

  /** Where every group has got to. */
  private get checkpoint(): Position | undefined {
    return earliest(this.checkpoints.values());
  }

  private describe(position: Position | undefined): string {
    return position ? formatPosition(position) : 'the start of the log';
  }
}
