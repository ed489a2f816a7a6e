import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
/**
 * Scheduler throughput (issue 5, docs/benchmarks.md): deadline jobs per second through the scheduler's full path,
 * beside BullMQ without the scheduler, measured in the same run on the same PostgreSQL and Redis with
 * the same worker concurrency. Run with `npm run bench:scheduler`. Needs PostgreSQL and Redis.
 * Optional: DATABASE_URL (PostgreSQL admin URL), REDIS_URL, BENCH_SCALE (default 1), SCHEDULER_CONCURRENCY.
 *
 * Each tender is published with its submission deadline just passed and its clarification period
 * closed (as it is at a real submission deadline), so it owes exactly one job: close tendering.
 *
 * Full path (the scheduler): 16 writers append each tender's notice events (drafted, published,
 * sealing key, clarification period closed) to PostgreSQL → the scheduler feed (the checkpointed
 * subscription) reads them, plans each tender's jobs and enqueues them (addBulk per batch), then
 * moves its checkpoint → the workers run each job: read the tender stream, fold, decide CloseTendering
 * as the system actor, append TenderingClosed with the expected revision → job completed. Timed from
 * the first append to the last job completed. Afterwards every tender must hold one TenderingClosed.
 *
 * Bare BullMQ, same work (the baseline of the ≥ 80 % target): what one would build without the
 * scheduler — the same writers append the same events and then add the job themselves (queue.add, the
 * same id and options), and a plain BullMQ Worker of the same concurrency runs the same deadline
 * processor. No subscription, checkpoint, planning or reconciliation. Its own database, so the
 * scheduler's feed does not see it.
 *
 * Bare BullMQ, empty processor (the queue's ceiling, for scale): the same number of jobs added with
 * addBulk in batches of the feed's size and completed by an empty processor; no database at all.
 *
 * All three are timed by polling the queue's completed count every 10 ms. Rounds rotate which goes
 * first; the figures are medians.
 */
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { AppConfig } from '@fairtender/config';
import { tenderStream } from '@fairtender/domain';
import {
  createPostgresEventStore,
  type EventStore,
  type EventToAppend,
} from '@fairtender/event-store';
import { createScratchDatabase } from '@fairtender/event-store/testing/scratch-database';
import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { DEADLINES_QUEUE, SchedulerLifecycle, SchedulerModule } from '../apps/scheduler/src';
import { DeadlineJobs, type DeadlineJobData } from '../apps/scheduler/src/deadlines/deadline-jobs';
import { DeadlineProcessor } from '../apps/scheduler/src/deadlines/deadline.processor';
import { SchedulerClock } from '../apps/scheduler/src/sandbox/scheduler-clock';
import { deadlineJobId } from '../apps/scheduler/src/deadlines/deadline-schedule';
import { formatRate, median } from './bench-support';

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const TENDERS = Math.round(2000 * SCALE);
const ROUNDS = 5;
const WRITERS = 16;
/** The feed's batch size: the empty-processor side adds in batches of the same size. */
const BATCH = 500;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CONCURRENCY = Number(process.env.SCHEDULER_CONCURRENCY ?? '16');
const PREFIX = `bench-${randomUUID().slice(0, 8)}`;
const JOB_OPTIONS: JobsOptions = {
  attempts: 12,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
};

type Measure = () => Promise<number>;

async function main(): Promise<void> {
  const schedulerDb = await createScratchDatabase('bench_scheduler');
  const bareDb = await createScratchDatabase('bench_scheduler_bare');
  const schedulerStore = await createPostgresEventStore({ connectionString: schedulerDb.url });
  const bareStore = await createPostgresEventStore({ connectionString: bareDb.url });
  // The bare worker writes through a store of its own, as the scheduler's workers do (in production
  // they run in another process than whatever appended the tender's events).
  const bareWorkerStore = await createPostgresEventStore({ connectionString: bareDb.url });
  const scheduler = await startScheduler(schedulerDb.url);
  const redis = new Redis(REDIS_URL);
  const closedTenders: string[] = [];
  try {
    const deadlines = scheduler.get<Queue>(getQueueToken(DEADLINES_QUEUE));
    // The scheduler's own processor class, reading and writing the bare side's database.
    const processor = new DeadlineProcessor(
      bareWorkerStore,
      scheduler.get(DeadlineJobs),
      scheduler.get(AppConfig),
      scheduler.get(SchedulerClock),
    );
    const full: Measure = async () => {
      const { rate, tenderIds } = await fullPath(schedulerStore, deadlines, TENDERS);
      closedTenders.push(...tenderIds);
      return rate;
    };
    const sameWork: Measure = () => bareSameWork(bareStore, processor, TENDERS);
    const empty: Measure = () => bareEmpty(TENDERS);
    // Warm-up: connections, JIT, prepared statements.
    await fullPath(schedulerStore, deadlines, 500);
    await bareSameWork(bareStore, processor, 500);
    await bareEmpty(500);

    const rates = { full: [] as number[], sameWork: [] as number[], empty: [] as number[] };
    const order: [keyof typeof rates, Measure][] = [
      ['full', full],
      ['sameWork', sameWork],
      ['empty', empty],
    ];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let i = 0; i < order.length; i += 1) {
        const [name, measure] = order[(round + i) % order.length];
        rates[name].push(await measure());
      }
      console.log(
        `  round ${round + 1}: scheduler ${formatRate(rates.full[round])}, bare same work ${formatRate(rates.sameWork[round])}, bare empty ${formatRate(rates.empty[round])} jobs/s (${pct(rates.full[round], rates.sameWork[round])})`,
      );
    }
    const problems = await verify(schedulerStore, closedTenders);
    const [fullRate, sameRate, emptyRate] = [rates.full, rates.sameWork, rates.empty].map(median);
    console.log(
      `Scheduler: ${TENDERS} tenders reaching their submission deadline per round, ${ROUNDS} rounds, concurrency ${CONCURRENCY}, PostgreSQL and Redis`,
    );
    console.log(
      `  scheduler, full path          ${formatRate(fullRate)} jobs/s (events appended → feed → job → TenderingClosed appended)`,
    );
    console.log(
      `  bare BullMQ, same work        ${formatRate(sameRate)} jobs/s (events appended → queue.add → same processor)`,
    );
    console.log(
      `  bare BullMQ, empty processor  ${formatRate(emptyRate)} jobs/s (addBulk → no-op)`,
    );
    // Paired within a round, so load from elsewhere on the machine moves both sides alike.
    const paired = median(rates.full.map((full, round) => full / rates.sameWork[round]));
    console.log(
      `  ratio                         ${pct(paired, 1)} of bare BullMQ doing the same work, median of the rounds' ratios (target ≥ 80%); ${pct(fullRate, sameRate)} of the medians`,
    );
    console.log(`                                ${pct(fullRate, emptyRate)} of the empty queue`);
    console.log(
      problems.length === 0
        ? `  checks                        each of ${closedTenders.length} tenders closed exactly once`
        : `  CHECKS FAILED:\n    ${problems.join('\n    ')}`,
    );
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    await scheduler.close();
    await schedulerStore.close();
    await bareStore.close();
    await bareWorkerStore.close();
    await deleteKeys(redis, PREFIX);
    redis.disconnect();
    await schedulerDb.drop();
    await bareDb.drop();
  }
}

const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;

async function startScheduler(databaseUrl: string): Promise<INestApplicationContext> {
  Object.assign(process.env, {
    EVENT_STORE: 'postgres',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    SCHEDULER_QUEUE_PREFIX: PREFIX,
    SCHEDULER_CONCURRENCY: String(CONCURRENCY),
    LOG_LEVEL: 'warn',
  });
  const app = await NestFactory.createApplicationContext(SchedulerModule, {
    logger: ['error', 'warn'],
  });
  await app.init();
  await app.get(SchedulerLifecycle).ready;
  return app;
}

/** Appends the tenders with `afterEach` run once each is stored, by WRITERS concurrent writers. */
async function appendTenders(
  store: EventStore,
  tenderIds: readonly string[],
  afterEach: (tenderId: string) => Promise<unknown> = async () => undefined,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < tenderIds.length) {
        const tenderId = tenderIds[next++];
        await store.append(tenderStream(tenderId), tenderEvents(tenderId), 'no_stream');
        await afterEach(tenderId);
      }
    }),
  );
}

async function fullPath(
  store: EventStore,
  deadlines: Queue,
  tenders: number,
): Promise<{ rate: number; tenderIds: string[] }> {
  const before = await deadlines.getJobCountByTypes('completed');
  const tenderIds = Array.from({ length: tenders }, () => randomUUID());
  const started = process.hrtime.bigint();
  await appendTenders(store, tenderIds);
  await completed(deadlines, before + tenders);
  return { rate: tenders / seconds(started), tenderIds };
}

async function bareSameWork(
  store: EventStore,
  processor: DeadlineProcessor,
  tenders: number,
): Promise<number> {
  return withQueue(
    (job, token) => processor.process(job as Job<DeadlineJobData>, token),
    async (queue) => {
      const tenderIds = Array.from({ length: tenders }, () => randomUUID());
      const started = process.hrtime.bigint();
      await appendTenders(store, tenderIds, (tenderId) =>
        queue.add('submission', jobData(tenderId), {
          ...JOB_OPTIONS,
          jobId: deadlineJobId(tenderId, 'submission', 1),
        }),
      );
      await completed(queue, tenders);
      return tenders / seconds(started);
    },
  );
}

async function bareEmpty(jobs: number): Promise<number> {
  return withQueue(
    async () => ({ outcome: 'done' }),
    async (queue) => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < jobs; i += BATCH) {
        await queue.addBulk(
          Array.from({ length: Math.min(BATCH, jobs - i) }, () => {
            const tenderId = randomUUID();
            const jobId = deadlineJobId(tenderId, 'submission', 1);
            return { name: 'submission', data: jobData(tenderId), opts: { ...JOB_OPTIONS, jobId } };
          }),
        );
      }
      await completed(queue, jobs);
      return jobs / seconds(started);
    },
  );
}

/** A fresh queue and one worker of the scheduler's concurrency, removed afterwards. */
async function withQueue<T>(
  process: ConstructorParameters<typeof Worker>[1],
  run: (queue: Queue) => Promise<T>,
): Promise<T> {
  const name = `bare-${randomUUID().slice(0, 8)}`;
  const connection = { url: REDIS_URL };
  const queue = new Queue(name, { connection, prefix: PREFIX });
  const worker = new Worker(name, process, {
    connection,
    prefix: PREFIX,
    concurrency: CONCURRENCY,
  });
  await worker.waitUntilReady();
  try {
    return await run(queue);
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

async function completed(queue: Queue, target: number): Promise<void> {
  while ((await queue.getJobCountByTypes('completed')) < target) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function jobData(tenderId: string) {
  return { tenderId, kind: 'submission', noticeVersion: 1, dueAt: new Date().toISOString() };
}

function tenderEvents(tenderId: string): EventToAppend[] {
  const now = Date.now();
  const at = (ms: number) => new Date(now - ms).toISOString();
  const terms = sampleNoticeTerms({
    clarificationDeadline: at(7000),
    submissionDeadline: at(1000),
  });

  const metadata = {
    actor: { userId: 'bench-officer', organisationId: 'bench-authority', role: 'officer' },
  };
  const event = (type: string, data: unknown): EventToAppend => ({
    eventId: randomUUID(),
    type,
    version: 1,
    data,
    metadata,
  });
  return [
    event('TenderDrafted', {
      tenderId,
      buyerOrganisationId: 'bench-authority',
      terms,
      draftedAt: at(60_000),
    }),
    event('TenderPublished', { terms, publishedAt: at(30_000), noticeVersion: 1 }),
    event('BidSealingKeyIssued', { keyId: `dk-${tenderId}`, wrappedKey: 'd3JhcA==' }),
    event('ClarificationPeriodClosed', {
      closedAt: at(6000),
      clarificationDeadline: terms.clarificationDeadline,
      unansweredQuestions: 0,
    }),
  ];
}

async function verify(store: EventStore, tenderIds: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const tenderId of tenderIds) {
    const types = (await store.readStream(tenderStream(tenderId))).map((e) => e.type);
    if (types.filter((type) => type === 'TenderingClosed').length !== 1) {
      problems.push(`tender ${tenderId}: ${types.join(', ')}`);
      if (problems.length >= 10) break;
    }
  }
  return problems;
}

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== '0');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
