import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import {
  EVENT_STORE,
  pause,
  SQL_CLIENT,
  type EventStore,
  type SqlClient,
} from '@fairtender/event-store';
import { Worker, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DeadlineProcessor } from './deadlines/deadline.processor';
import { BatchHandler } from './feed/batch-handler';
import { Reconciler } from './feed/reconciler';
import { RedisWatchdog } from './feed/redis-watchdog';
import { SchedulerFeed } from './feed/scheduler-feed';
import { NotificationProcessor } from './notifications/notification.processor';
import { SandboxClockFollower } from './sandbox/sandbox-clock-follower';
import { DEADLINES_QUEUE, NOTIFICATIONS_QUEUE } from './queues/queue-names';
import { REDIS } from './redis/redis.token';
import { SCHEDULER_SCHEMA } from './scheduler-schema';
import { jobsFailed, observeQueues } from '@fairtender/observability';

/** How long the workers may take to finish their jobs at shutdown before we stop waiting. */
const SHUTDOWN_GRACE_MS = 30_000;

/**
 * Starts the scheduler in order — workers, then the sandbox clock's offset (outside production) and
 * the jobs rebuilt from the event store, then follow it
 * — without holding up the app (Redis may be down at start; it is retried), and stops it in order
 * before the event store closes: the feed first (its batch finished and checkpointed), then the
 * workers, which finish the jobs they are running.
 *
 * The workers are made here rather than by @nestjs/bullmq's @Processor: that closes them in
 * onApplicationShutdown, after the event store has closed under their jobs, and takes its options
 * (concurrency) from a decorator rather than from configuration.
 */
@Injectable()
export class SchedulerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  readonly feed: SchedulerFeed;
  readonly watchdog: RedisWatchdog;
  private readonly logger = new Logger('Scheduler');
  private readonly stopping = new AbortController();
  private workers: Worker[] = [];
  private starting?: Promise<void>;
  /** Failed attempts at the start-up rebuild, and the last reason (cleared once it succeeds). */
  startup: { failures: number; lastError?: string } = { failures: 0 };
  private readyResolve!: () => void;
  /** Resolves once the jobs have been rebuilt and the feed follows the event store. */
  readonly ready = new Promise<void>((resolve) => (this.readyResolve = resolve));

  private unobserveQueues?: () => void;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(SQL_CLIENT) client: SqlClient,
    @Inject(SCHEDULER_SCHEMA) _schema: unknown,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly handler: BatchHandler,
    private readonly reconciler: Reconciler,
    private readonly deadlines: DeadlineProcessor,
    private readonly notifications: NotificationProcessor,
    @InjectQueue(DEADLINES_QUEUE) private readonly deadlineQueue: Queue,
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly notificationQueue: Queue,
    private readonly config: AppConfig,
    private readonly sandbox: SandboxClockFollower,
  ) {
    this.feed = new SchedulerFeed({
      store,
      client,
      handle: (events) => handler.handle(events),
      logger: new Logger('SchedulerFeed'),
    });
    this.watchdog = new RedisWatchdog(
      redis,
      config.scheduler.queuePrefix,
      config.scheduler.redisCheckIntervalMs,
      () => this.reconciler.reconcile(),
      this.logger,
    );
  }

  onApplicationBootstrap(): void {
    for (const queue of [this.deadlineQueue, this.notificationQueue]) {
      reportErrors(queue, `${queue.name} queue`, this.logger);
    }
    this.unobserveQueues = observeQueues(async () => {
      const queues = [this.deadlineQueue, this.notificationQueue];
      const counts = await Promise.all(queues.map((queue) => queue.getJobCounts()));
      return Object.fromEntries(queues.map((queue, i) => [queue.name, counts[i]]));
    });
    const options = {
      // On every job it runs, shown on the dashboard: which process did it.
      name: `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
      connection: { url: this.config.redisUrl },
      prefix: this.config.scheduler.queuePrefix,
      concurrency: this.config.scheduler.concurrency,
    };
    this.workers = [
      new Worker(DEADLINES_QUEUE, (job, token) => this.deadlines.process(job, token), options),
      new Worker(NOTIFICATIONS_QUEUE, (job) => this.notifications.process(job), options),
    ];
    for (const worker of this.workers) {
      reportErrors(worker, `${worker.name} worker`, this.logger);
      worker.on('failed', (job, error) => {
        jobsFailed.inc({ queue: worker.name });
        if (job) this.logger.warn(`${worker.name} job ${job.id} failed: ${error.message}`);
      });
    }
    this.starting = this.start(this.stopping.signal);
  }

  async onModuleDestroy(): Promise<void> {
    this.unobserveQueues?.();
    this.stopping.abort();
    await this.starting;
    await this.watchdog.stop();
    await this.feed.stop();
    await this.closeWorkers();
  }

  /**
   * Lets the jobs in flight finish while the event store is still open (it closes after this hook).
   * With Redis unreachable no job can finish anyway (its completion is written there), and BullMQ's
   * graceful close would wait for Redis for ever: then the workers are closed at once, and their jobs,
   * whose locks lapse, run again elsewhere (they are idempotent).
   */
  private async closeWorkers(): Promise<void> {
    const reachable = await this.redisReachable();
    const closed = Promise.all(this.workers.map((worker) => worker.close(!reachable)));
    const timer = new Promise<'late'>((resolve) =>
      setTimeout(resolve, SHUTDOWN_GRACE_MS, 'late').unref(),
    );
    if ((await Promise.race([closed, timer])) === 'late') {
      this.logger.warn(
        `Workers still busy after ${SHUTDOWN_GRACE_MS} ms; their jobs will run again elsewhere`,
      );
    }
  }

  private async redisReachable(): Promise<boolean> {
    const timeout = new Promise<false>((resolve) => setTimeout(resolve, 1000, false).unref());
    const ping = this.redis.ping().then(
      () => true,
      () => false,
    );
    return Promise.race([ping, timeout]);
  }

  private async start(signal: AbortSignal): Promise<void> {
    for (let failures = 0; !signal.aborted; failures += 1) {
      try {
        // The sandbox clock first (outside production), so the rebuilt jobs keep its time.
        await this.sandbox.resume();
        await this.reconciler.reconcile({ seed: this.handler.cache });
        await this.watchdog.mark();
        this.startup = { failures: 0 };
        break;
      } catch (error) {
        this.startup = { failures: failures + 1, lastError: (error as Error).message };
        const delay = Math.min(500 * 2 ** failures, 30_000);
        this.logger.warn(
          `Could not rebuild the jobs (${(error as Error).message}); retrying in ${delay} ms`,
        );
        await pause(delay, signal);
      }
    }
    if (signal.aborted) return;
    this.feed.start();
    this.watchdog.start();
    this.readyResolve();
  }
}

/** Queues and workers emit connection errors as events; unheard, they would crash the process. */
interface ErrorEmitter {
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Logged once per distinct message, so a Redis outage is one line, not one per reconnection. */
function reportErrors(emitter: ErrorEmitter, what: string, logger: Logger): void {
  let last: string | undefined;
  emitter.on('error', (error: Error) => {
    if (error.message !== last) logger.warn(`${what}: ${error.message}`);
    last = error.message;
  });
}
