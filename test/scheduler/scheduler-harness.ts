import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { getQueueToken } from '@nestjs/bullmq';
import {
  SANDBOX_CLOCK_MOVED_VERSION,
  SANDBOX_CLOCK_STREAM,
  tenderStream,
  type NoticeTerms,
  type SandboxClockMoved,
} from '@fairtender/domain';
import {
  createPostgresEventStore,
  type EventStore,
  type RecordedEvent,
} from '@fairtender/event-store';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { createFastifyAdapter } from '@fairtender/observability';
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import {
  DEADLINES_QUEUE,
  NOTIFICATIONS_QUEUE,
  SchedulerAppModule,
  SchedulerLifecycle,
} from '../../apps/scheduler/src';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A scratch PostgreSQL database and a BullMQ prefix of its own: runs never see each other's jobs. */
export class SchedulerTestbed {
  readonly prefix = `test-${randomUUID().slice(0, 8)}`;
  readonly redis = new Redis(REDIS_URL);
  store!: EventStore;
  private database!: ScratchDatabase;
  private readonly apps: NestFastifyApplication[] = [];

  async setUp(label: string): Promise<this> {
    this.database = await createScratchDatabase(label);
    this.store = await createPostgresEventStore({ connectionString: this.database.url });
    return this;
  }

  get databaseUrl(): string {
    return this.database.url;
  }

  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      EVENT_STORE: 'postgres',
      DATABASE_URL: this.database.url,
      REDIS_URL,
      SCHEDULER_QUEUE_PREFIX: this.prefix,
      DEADLINE_RETRY_BASE_MS: '50',
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      ...extra,
    };
  }

  /** A scheduler app as main.ts runs it (HTTP included, not listening), ready once its jobs are rebuilt. */
  async startScheduler(extra: Record<string, string> = {}): Promise<SchedulerProcess> {
    const saved = { ...process.env };
    Object.assign(process.env, { LOG_LEVEL: 'warn', NODE_ENV: 'test' }, this.env(extra));
    let app: NestFastifyApplication;
    try {
      const moduleRef = await Test.createTestingModule({ imports: [SchedulerAppModule] }).compile();
      app = moduleRef.createNestApplication<NestFastifyApplication>(createFastifyAdapter(), {
        logger: ['error', 'warn'],
      });
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
    } finally {
      process.env = saved;
    }
    this.apps.push(app);
    const lifecycle = app.get(SchedulerLifecycle);
    await lifecycle.ready;
    return new SchedulerProcess(app, this);
  }

  async stopScheduler(scheduler: SchedulerProcess): Promise<void> {
    const index = this.apps.indexOf(scheduler.app);
    if (index >= 0) this.apps.splice(index, 1);
    await scheduler.app.close();
  }

  /** Deletes every key of this run's prefix: what a Redis that lost its data looks like to us. */
  async flushRedis(): Promise<number> {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(
        cursor,
        'MATCH',
        `${this.prefix}:*`,
        'COUNT',
        1000,
      );
      cursor = next;
      if (keys.length > 0) deleted += await this.redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  }

  async tearDown(): Promise<void> {
    for (const app of this.apps.splice(0)) await app.close();
    await this.flushRedis().catch(() => undefined);
    this.redis.disconnect();
    await this.store?.close();
    await this.database?.drop();
  }

  /** Tender events as the api would write them, with deadlines `clarificationMs`/`submissionMs` from now. */
  async publishTender(
    { clarificationMs, submissionMs }: { clarificationMs: number; submissionMs: number },
    tenderId: string = randomUUID(),
  ): Promise<{ tenderId: string; terms: NoticeTerms }> {
    const now = Date.now();
    const terms = noticeTerms({
      clarificationDeadline: new Date(now + clarificationMs).toISOString(),
      submissionDeadline: new Date(now + submissionMs).toISOString(),
    });
    await this.append(tenderId, [
      {
        type: 'TenderDrafted',
        data: { tenderId, buyerOrganisationId: 'org-council', terms, draftedAt: iso(now - 60_000) },
      },
      { type: 'TenderPublished', data: { terms, publishedAt: iso(now), noticeVersion: 1 } },
      { type: 'BidSealingKeyIssued', data: { keyId: `dk-${tenderId}`, wrappedKey: 'd3JhcA==' } },
    ]);
    return { tenderId, terms };
  }

  amendDeadlines(
    tenderId: string,
    changes: { clarificationDeadline?: string; submissionDeadline?: string },
    noticeVersion: number,
  ) {
    return this.append(tenderId, [
      {
        type: 'NoticeAmended',
        data: { changes, reason: 'More time', amendedAt: iso(Date.now()), noticeVersion },
      },
    ]);
  }

  cancel(tenderId: string) {
    return this.append(tenderId, [
      {
        type: 'TenderCancelled',
        data: { reason: 'Withdrawn', cancelledAt: iso(Date.now()), stage: 'tendering' },
      },
    ]);
  }

  async append(tenderId: string, events: { type: string; data: unknown }[]) {
    return this.store.append(
      tenderStream(tenderId),
      events.map((event) => ({
        eventId: randomUUID(),
        type: event.type,
        version: 1,
        data: event.data,
        metadata: { actor: { userId: 'u-alice', organisationId: 'org-council', role: 'officer' } },
      })),
      'any',
    );
  }

  /**
   * Moves the sandbox clock to `offsetMs` ahead of real time as `POST /sandbox/clock` records it: a
   * SandboxClockMoved on `sandbox-clock` (`from` is the clock's reading before, given as its offset).
   */
  async moveSandboxClock(offsetMs: number, fromOffsetMs = 0): Promise<void> {
    const realNow = Date.now();
    const data: SandboxClockMoved['data'] = {
      movedAt: iso(realNow),
      from: iso(realNow + fromOffsetMs),
      to: iso(realNow + offsetMs),
      offsetMs,
    };
    await this.store.append(
      SANDBOX_CLOCK_STREAM,
      [
        {
          eventId: randomUUID(),
          type: 'SandboxClockMoved',
          version: SANDBOX_CLOCK_MOVED_VERSION,
          data,
          metadata: {
            actor: { userId: 'u-alice', organisationId: 'org-council', role: 'officer' },
          },
        },
      ],
      'any',
    );
  }

  tenderEvents(tenderId: string): Promise<RecordedEvent[]> {
    return this.store.readStream(tenderStream(tenderId));
  }

  /** Polls until `check` holds (or fails with its last reason after `timeoutMs`). */
  async eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > until) throw new Error(`Condition not met within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** For the calling describe block: a testbed and a scheduler on it, from before its tests to after. */
export function runningScheduler(databaseLabel: string): {
  testbed: SchedulerTestbed;
  /** Replace it after stopping it, to test a restart. */
  scheduler: SchedulerProcess;
} {
  const testbed = new SchedulerTestbed();
  const suite = { testbed, scheduler: undefined as unknown as SchedulerProcess };
  beforeAll(async () => {
    await testbed.setUp(databaseLabel);
    suite.scheduler = await testbed.startScheduler();
  });
  afterAll(() => testbed.tearDown());
  return suite;
}

export class SchedulerProcess {
  constructor(
    readonly app: NestFastifyApplication,
    private readonly testbed: SchedulerTestbed,
  ) {}

  get deadlines(): Queue {
    return this.app.get<Queue>(getQueueToken(DEADLINES_QUEUE));
  }

  get notifications(): Queue {
    return this.app.get<Queue>(getQueueToken(NOTIFICATIONS_QUEUE));
  }

  /** The deadline job's state in BullMQ, or undefined when there is no such job. */
  async jobState(jobId: string) {
    return (await this.deadlines.getJob(jobId))?.getState();
  }

  /** Waits until the deadline job is delayed: scheduled, waiting for its time. */
  untilDelayed(jobId: string): Promise<true> {
    return this.testbed.eventually(async () =>
      (await this.jobState(jobId)) === 'delayed' ? true : undefined,
    );
  }

  /** Runs the deadline job before its time; returns once the decider's refusal has put it back to wait. */
  async runEarly(jobId: string): Promise<void> {
    await (await this.deadlines.getJob(jobId))!.promote();
    await this.testbed.eventually(async () => {
      const job = await this.deadlines.getJob(jobId);
      return job && job.attemptsStarted > 0 && (await job.getState()) === 'delayed'
        ? true
        : undefined;
    });
  }

  stop(): Promise<void> {
    return this.testbed.stopScheduler(this);
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

function noticeTerms(deadlines: {
  clarificationDeadline: string;
  submissionDeadline: string;
}): NoticeTerms {
  return sampleNoticeTerms(deadlines);
}
