import {
  EventBuffer,
  formatPosition,
  type EventStore,
  type Position,
  type SqlClient,
} from '@fairtender/event-store';
import { READ_MODEL_PROJECTIONS } from '../read-models';
import type { Projection } from '../runner/projection';
import { READ_MODEL_TABLES } from '../schema/migrations';
import { applyBatch } from './apply-batch';
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
   * Events per transaction at most (default 2,500). Live, a batch is whatever has arrived, usually a
   * few events; only a projector that is behind (a rebuild, a catch-up) fills batches, where fewer,
   * larger transactions rewrite each tender's rows less often.
   */
  batchSize?: number;
  /** Events read ahead of the projections. */
  bufferSize?: number;
  logger?: RunnerLogger;
}

const SILENT: RunnerLogger = { log: () => undefined, error: () => undefined };

/**
 * Catch-up subscription from the event store into the read models. One loop reads events into a
 * bounded buffer; another drains it in batches, each applied with its checkpoint in one transaction,
 * so a crash neither applies an event twice nor skips one (docs/decisions/0007-checkpoint-in-the-read-model-transaction.md). A failure stops the runner,
 * with the checkpoint left before the failed batch, and `status()` reports it.
 */
export class ProjectionRunner {
  private readonly store: EventStore;
  private readonly client: SqlClient;
  private readonly projection: string;
  private readonly projections: readonly Projection[];
  private readonly batchSize: number;
  private readonly bufferSize: number;
  private readonly logger: RunnerLogger;
  private state: RunnerState = 'stopped';
  private checkpoints: GroupCheckpoints = new Map();
  private error?: Error;
  private eventsProjected = 0;
  private inFlight: { size: number; recordedAt: Date } | undefined;
  private buffer?: EventBuffer;
  private active?: { controller: AbortController; finished: Promise<void> };

  constructor(options: ProjectionRunnerOptions) {
    this.store = options.store;
    this.client = options.client;
    this.projection = options.projection ?? READ_MODELS_PROJECTION;
    this.projections = options.projections ?? READ_MODEL_PROJECTIONS;
    this.batchSize = options.batchSize ?? 2500;
    this.bufferSize = options.bufferSize ?? 5000;
    this.logger = options.logger ?? SILENT;
  }

  /** Reads the checkpoint and starts projecting in the background; no-op while already running. */
  async start(): Promise<void> {
    if (this.active) return;
    const controller = new AbortController();
    let started!: () => void;
    const ready = new Promise<void>((resolve) => (started = resolve));
    this.active = { controller, finished: this.run(controller, started) };
    await ready;
  }

  /** Stops reading, lets the transaction in flight commit, and resolves once nothing runs. */
  async stop(): Promise<void> {
    const active = this.active;
    if (!active) return;
    if (this.state !== 'failed') this.state = 'stopping';
    active.controller.abort();
    await active.finished;
  }

  /** Resolves when the runner has stopped, by `stop()` or by a failure. */
  async whenStopped(): Promise<void> {
    await this.active?.finished;
  }

  /** Empties every read-model table and the checkpoint in one transaction, then catches up again. */
  async rebuild(): Promise<void> {
    await this.stop();
    await this.client.transaction((tx) => tx.query(`TRUNCATE ${READ_MODEL_TABLES.join(', ')}`));
    this.logger.log('Read models truncated; rebuilding from the start of the log');
    await this.start();
  }

  status(): RunnerStatus {
    const oldest = this.inFlight?.recordedAt ?? this.buffer?.oldest?.recordedAt;
    return {
      state: this.state,
      checkpoint: this.checkpoint ? formatPosition(this.checkpoint) : null,
      pendingEvents: (this.buffer?.size ?? 0) + (this.inFlight?.size ?? 0),
      lagMs: oldest ? Math.max(0, Date.now() - oldest.getTime()) : 0,
      eventsProjected: this.eventsProjected,
      ...(this.state === 'failed' && this.error ? { error: this.error.message } : {}),
    };
  }

  private async run(controller: AbortController, started: () => void): Promise<void> {
    const { signal } = controller;
    const fail = (error: unknown) => {
      if (this.error) return;
      this.error = error instanceof Error ? error : new Error(String(error));
      controller.abort();
    };
    this.state = 'starting';
    this.error = undefined;
    let reading: Promise<void> | undefined;
    try {
      this.checkpoints = await ensureCheckpoints(
        this.client,
        this.projection,
        groupsOf(this.projections),
      );
      this.buffer = new EventBuffer(this.bufferSize);
      this.state = 'running';
      started();
      this.logger.log(`Projecting from ${this.describe(this.checkpoint)}`);
      reading = this.read(this.buffer, signal).catch(fail);
      await this.project(this.buffer, signal);
    } catch (error) {
      fail(error);
    } finally {
      controller.abort();
      await reading;
      started();
      this.buffer = undefined;
      this.active = undefined;
      // Set by `fail`, which the compiler cannot see run.
      const failure = this.error as Error | undefined;
      if (failure) {
        this.state = 'failed';
        this.logger.error(
          `Projection stopped with the checkpoint at ${this.describe(this.checkpoint)}: ${failure.message}`,
          failure.stack,
        );
      } else {
        this.state = 'stopped';
        this.logger.log(`Projection stopped at ${this.describe(this.checkpoint)}`);
      }
    }
  }

  private async read(buffer: EventBuffer, signal: AbortSignal): Promise<void> {
    const subscription = this.store.subscribeToAll({ after: this.checkpoint, signal });
    for await (const event of subscription) {
      await buffer.push(event, signal);
      if (signal.aborted) return;
    }
    if (!signal.aborted) throw new Error('The event store ended the subscription');
  }

  private async project(buffer: EventBuffer, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const batch = await buffer.take(this.batchSize, signal);
      if (batch.length === 0) continue;
      this.inFlight = { size: batch.length, recordedAt: batch[0].recordedAt };
      try {
        // Not interrupted by a stop: the batch commits whole or not at all.
        this.checkpoints = await applyBatch(batch, {
          client: this.client,
          projection: this.projection,
          projections: this.projections,
          after: this.checkpoints,
        });
        this.eventsProjected += batch.length;
      } finally {
        this.inFlight = undefined;
      }
    }
  }

  /** Where every group has got to: the subscription resumes after it. */
  private get checkpoint(): Position | undefined {
    return earliest(this.checkpoints.values());
  }

  private describe(position: Position | undefined): string {
    return position ? formatPosition(position) : 'the start of the log';
  }
}
