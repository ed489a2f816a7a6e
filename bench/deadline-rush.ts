/**
 * Deadline rush (docs/benchmarks.md): 200 concurrent suppliers submit 2,000 sealed bids through the real HTTP API
 * on PostgreSQL while the submission deadline falls, after a warm-up of bids on other tenders. The api runs in one process per core behind one
 * port (node:cluster; BENCH_API_PROCESSES to choose), as production runs replicas. Prints accepted bids/s, p50/p99 latency and the raw
 * event-store append rate of the same bids measured in the same run, then checks that every accepted bid
 * is stored exactly once, none was accepted at or after the deadline, and every late one was refused and
 * recorded. Run with `npm run bench:rush`. Optional: DATABASE_URL (PostgreSQL admin URL).
 */
import { fork } from 'node:child_process';
import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { issueToken } from '@fairtender/auth';
import { bidStreamPrefix, type Actor } from '@fairtender/domain';
import { loadConfig } from '@fairtender/config';
import { createPostgresEventStore, type EventStore } from '@fairtender/event-store';
import { createScratchDatabase } from '@fairtender/event-store/testing/scratch-database';
import { ShiftedClock } from '../test/support/shifted-clock';
import { event, sealedBidData } from './bench-events';
import { measureBidSteps } from './bid-steps';
import { bidBody, noticeTerms } from '../test/support/tender-fixtures';
import { formatRate, rate } from './bench-support';
import { HttpLoad, percentile } from './http-load';
import type { ApiWorkerReply, ApiWorkerRequest } from './rush-api-worker';
import type { RushMessage, RushOutcome, RushPlan } from './rush-clients';

const SUPPLIERS = 200;
const TENDERS = 10;
/** The paced phase: every supplier bids once on each of these tenders, spread over PACED_SECONDS. */
const PACED_TENDERS = 2;
const PACED_SECONDS = 2;
/** Bid once on each before anything is measured (rush-clients.ts `warmUp`). */
const WARM_UP_TENDERS = 3;
/** The deadline falls once this share of the bids has been answered. */
const DEADLINE_AT = 0.7;

type Outcome = RushOutcome;

/** A target line: `met` or `not met`, with the figure that decides it. */
function target(text: string, met: boolean, figure: string): void {
  console.log(`target  ${text.padEnd(50)} ${(met ? 'met' : 'not met').padEnd(8)} ${figure}`);
}

/**
 * Forks the suppliers' process, hands it the plan, and relays its progress. Once the suppliers have
 * warmed the api, `onWarmed` runs (it reads the api's CPU time) before they go on.
 */
function runClients(
  plan: RushPlan,
  onWarmed: () => Promise<void>,
  onProgress: (answered: number, elapsedSeconds: number) => void,
): Promise<{ outcomes: RushOutcome[]; seconds: number; paced: RushOutcome[] }> {
  const child = fork(join(__dirname, 'rush-clients.ts'), {
    execArgv: ['-r', '@swc-node/register'],
  });
  return new Promise((resolve, reject) => {
    child.on('message', (message: RushMessage) => {
      if (message.kind === 'warmed') {
        if (message.refused > 0)
          reject(new Error(`${message.refused} of ${message.bids} warm-up bids were refused`));
        else onWarmed().then(() => child.send({ kind: 'measure' }), reject);
      } else if (message.kind === 'progress') onProgress(message.answered, message.elapsedSeconds);
      else resolve(message);
    });
    child.on('error', reject);
    child.on('exit', (code) => code !== 0 && reject(new Error(`rush clients exited with ${code}`)));
    child.send(plan);
  });
}

/** API processes behind one port: every core by default, as production runs replicas. */
const API_PROCESSES = Number(process.env.BENCH_API_PROCESSES ?? availableParallelism());

interface ApiCluster {
  baseUrl: string;
  /** Sets every worker's clock to read `instant` now. */
  setClock(instant: Date): void;
  /** CPU time of every worker so far, in microseconds. */
  cpu(): Promise<{ user: number; system: number }>;
  close(): Promise<void>;
}

/**
 * The api in `count` processes through node:cluster on one shared port. The first starts alone (it
 * applies the migrations), then the others.
 */
async function startApiCluster(env: Record<string, string>, count: number): Promise<ApiCluster> {
  cluster.setupPrimary({
    exec: join(__dirname, 'rush-api-worker.ts'),
    // BENCH_CPU_PROF=<dir> writes each worker's V8 CPU profile there (open in Chrome's DevTools).
    execArgv: ['-r', '@swc-node/register'].concat(
      process.env.BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : [],
    ),
  });
  const workers: Worker[] = [];
  let baseUrl = '';
  for (let i = 0; i < count; i += 1) {
    const worker = cluster.fork({ RUSH_API_ENV: JSON.stringify(env) });
    baseUrl = await new Promise<string>((resolve, reject) => {
      worker.once('message', (message: ApiWorkerReply) =>
        message.kind === 'ready' ? resolve(message.baseUrl) : reject(new Error(message.kind)),
      );
      worker.once('exit', (code) => reject(new Error(`api worker exited with ${code}`)));
    });
    workers.push(worker);
  }
  const ask = (worker: Worker, request: ApiWorkerRequest) => worker.send(request);
  return {
    baseUrl,
    setClock: (instant) =>
      workers.forEach((w) =>
        ask(w, { kind: 'clock', instant: instant.getTime(), sentAt: Date.now() }),
      ),
    cpu: async () => {
      const usages = await Promise.all(
        workers.map(
          (w) =>
            new Promise<{ user: number; system: number }>((resolve) => {
              w.once('message', (m: ApiWorkerReply) => m.kind === 'cpu' && resolve(m));
              ask(w, { kind: 'cpu' });
            }),
        ),
      );
      return usages.reduce((a, b) => ({ user: a.user + b.user, system: a.system + b.system }));
    },
    close: async () => {
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              w.once('exit', () => resolve());
              w.removeAllListeners('message');
              ask(w, { kind: 'close' });
            }),
        ),
      );
    },
  };
}

async function main(): Promise<void> {
  // Before the api starts, so that nothing else competes for the cores.
  const steps = await measureBidSteps(bidBody(1_000_000, 'Rush'));
  const database = await createScratchDatabase('bench_rush');
  const env = {
    EVENT_STORE: 'postgres',
    DATABASE_URL: database.url,
    LOG_LEVEL: 'error',
    // The limiter still counts every request; the framework floor's requests come from one address and
    // one officer, past the default limits.
    RATE_LIMIT_ANONYMOUS_PER_ADDRESS: '1000000',
    RATE_LIMIT_PER_ADDRESS: '1000000',
    RATE_LIMIT_PER_ACTOR: '1000000',
  };
  const api = await startApiCluster(env, API_PROCESSES);
  const config = loadConfig({ ...process.env, ...env, NODE_ENV: 'test' });
  const store = await createPostgresEventStore({ connectionString: database.url, migrate: false });
  // The primary's copy of the workers' clock: what they read is what this reads.
  const clock = new ShiftedClock();
  const load = new HttpLoad(api.baseUrl, 4);
  try {
    const officer = await issueToken(config.auth, {
      userId: 'rush-officer',
      organisationId: 'rush-authority',
      role: 'officer',
    });
    const start = clock.now();
    const tenderIds: string[] = [];
    for (let t = 0; t < TENDERS + PACED_TENDERS + WARM_UP_TENDERS; t += 1) {
      const drafted = await load.send('POST', '/tenders', officer, noticeTerms(start));
      await load.send('POST', `/tenders/${drafted.body.tenderId}/publication`, officer);
      tenderIds.push(drafted.body.tenderId);
    }
    const deadline = new Date(noticeTerms(start).submissionDeadline);
    const setClock = (instant: Date) => {
      clock.set(instant);
      api.setClock(instant);
    };
    // Just before the deadline: the rush is the last minutes of tendering.
    setClock(new Date(deadline.getTime() - 60_000));
    const suppliers: Actor[] = Array.from({ length: SUPPLIERS }, (_, i) => ({
      userId: `rush-user-${i}`,
      organisationId: `rush-supplier-${i}`,
      role: 'supplier',
    }));
    const tokens = await Promise.all(suppliers.map((actor) => issueToken(config.auth, actor)));
    const body = bidBody(1_000_000, 'Rush');
    const total = SUPPLIERS * TENDERS;
    let tenderingSeconds = Number.NaN;
    let serverCpu = { user: 0, system: 0 };
    const { outcomes, seconds, paced } = await runClients(
      {
        baseUrl: api.baseUrl,
        tokens,
        supplierIds: suppliers.map((s) => s.organisationId),
        tenderIds: tenderIds.slice(0, TENDERS),
        pacedTenderIds: tenderIds.slice(TENDERS, TENDERS + PACED_TENDERS),
        warmUpTenderIds: tenderIds.slice(TENDERS + PACED_TENDERS),
        pacedSeconds: PACED_SECONDS,
        body,
      },
      async () => {
        serverCpu = await api.cpu();
      },
      (answered, elapsedSeconds) => {
        // The deadline falls mid-rush: from now on the server's clock reads the deadline or later.
        if (answered >= total * DEADLINE_AT && clock.now() < deadline) {
          setClock(deadline);
          tenderingSeconds = elapsedSeconds;
        }
      },
    );
    const cpuAfter = await api.cpu();
    const user = cpuAfter.user - serverCpu.user;
    const system = cpuAfter.system - serverCpu.system;
    const serverCpuMsPerBid = (user + system) / 1000 / (total + paced.length);
    const accepted = outcomes.filter((o) => o.status === 201);
    const late = outcomes.filter((o) => o.status === 409 && o.code === 'LATE_BID');
    const latencies = outcomes.map((o) => o.latencyMs);

    const raw = await rawAppendRate(database.url, tenderIds[0]);
    const floor = await frameworkFloor(api, officer);
    // Bids are accepted only until the deadline: their rate is over that part of the run.
    const acceptedRate = accepted.length / tenderingSeconds;
    const problems = await verify(store, tenderIds, [...paced, ...outcomes], deadline);

    console.log(
      `Deadline rush: ${SUPPLIERS} suppliers, ${total} bids on ${TENDERS} tenders, PostgreSQL, Node ${process.version}`,
    );
    console.log(
      `  warm-up            ${SUPPLIERS * WARM_UP_TENDERS} bids on ${WARM_UP_TENDERS} other tenders first, not measured (a running replica's compiled hot path)`,
    );
    console.log(
      `  accepted bids      ${accepted.length} (late, refused: ${late.length}; other: ${total - accepted.length - late.length})`,
    );
    console.log(`  answered bids/s    ${formatRate(total / seconds)}`);
    console.log(`  accepted bids/s    ${formatRate(acceptedRate)}`);
    console.log(
      `  raw appends/s      ${formatRate(raw)}  (same bids through the event store, ${SUPPLIERS} writers)`,
    );
    console.log(
      `  ratio              ${((acceptedRate / raw) * 100).toFixed(0)}% of raw (target ≥ 50%)`,
    );
    console.log(
      `  latency p50 / p99  ${percentile(latencies, 50).toFixed(1)} ms / ${percentile(latencies, 99).toFixed(1)} ms at saturation (every supplier sends its next bid at once)`,
    );
    const pacedLatencies = paced.map((o) => o.latencyMs);
    console.log(
      `  paced, before the rush: ${paced.length} bids offered at ${Math.round(paced.length / PACED_SECONDS)}/s by the same ${SUPPLIERS} suppliers`,
    );
    console.log(
      `  latency p50 / p99  ${percentile(pacedLatencies, 50).toFixed(1)} ms / ${percentile(pacedLatencies, 99).toFixed(1)} ms (target p99 < 50 ms)`,
    );
    console.log(
      `  API CPU per bid    ${serverCpuMsPerBid.toFixed(2)} ms (${API_PROCESSES} api processes, all threads; ${Math.round((system / (user + system)) * 100)}% in the kernel)`,
    );
    console.log(
      `  the same api, no bid: ${floor.map((f) => `${f.label} ${f.cpuMs.toFixed(2)} ms`).join('; ')} of API CPU per request (${FLOOR_REQUESTS} each, ${FLOOR_SOCKETS} connections)`,
    );
    console.log(
      problems.length === 0
        ? '  checks             every accepted bid stored once; none accepted at or after the deadline; every late bid refused and recorded'
        : `  CHECKS FAILED:\n    ${problems.join('\n    ')}`,
    );
    console.log('  per bid, step by step (µs, measured alone in this process):');
    for (const [step, us] of steps)
      console.log(`    ${step.padEnd(50)} ${us.toFixed(1).padStart(7)}`);
    console.log('');
    const pacedP99 = percentile(pacedLatencies, 99);
    target(
      'accepted bids/s ≥ 50% of raw appends (same run)',
      acceptedRate / raw >= 0.5,
      `${((acceptedRate / raw) * 100).toFixed(0)}% (${formatRate(acceptedRate).trim()} against ${formatRate(raw).trim()}/s)`,
    );
    target(
      `paced p99 < 50 ms at ${SUPPLIERS} suppliers`,
      pacedP99 < 50,
      `${pacedP99.toFixed(1)} ms`,
    );
    target(
      'zero lost, duplicated or late-accepted bids',
      problems.length === 0,
      `${problems.length} problems`,
    );
    target(
      'API CPU per bid < 0.5 ms',
      serverCpuMsPerBid < 0.5,
      `${serverCpuMsPerBid.toFixed(2)} ms`,
    );
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    load.close();
    await store.close();
    await api.close();
    await database.drop();
  }
}

const FLOOR_REQUESTS = 2_000;
const FLOOR_SOCKETS = 16;

/**
 * What the api costs per request before a bid's own work: the same workers answering a path no
 * route serves (fastify, hooks, the error filter), the public notice list, and an officer's work list (token, guard, validation, one SQL
 * query, as a bid has one append), at the same concurrency. A bid's CPU above these is its own.
 */
async function frameworkFloor(
  api: ApiCluster,
  token: string,
): Promise<{ label: string; cpuMs: number }[]> {
  const load = new HttpLoad(api.baseUrl, FLOOR_SOCKETS);
  const routes = [
    { label: 'an unknown path (404)', path: '/no-such-route', status: 404 },
    { label: 'GET /notices (public, one query)', path: '/notices', status: 200 },
    { label: 'GET /tenders (officer: token, guard, one query)', path: '/tenders', status: 200 },
  ];
  try {
    const figures: { label: string; cpuMs: number }[] = [];
    for (const route of routes) {
      const before = await api.cpu();
      let next = 0;
      const worker = async () => {
        while (next < FLOOR_REQUESTS) {
          next += 1;
          const answer = await load.send('GET', route.path, token);
          if (answer.status !== route.status)
            throw new Error(`${route.path} answered ${answer.status}`);
        }
      };
      await Promise.all(Array.from({ length: FLOOR_SOCKETS }, worker));
      const after = await api.cpu();
      const micros = after.user - before.user + (after.system - before.system);
      figures.push({ label: route.label, cpuMs: micros / 1000 / FLOOR_REQUESTS });
    }
    return figures;
  } finally {
    load.close();
  }
}

/** Sealed-bid events (about 1.3 KB, as the api writes them) appended straight to the store by as many writers. */
async function rawAppendRate(url: string, tenderId: string): Promise<number> {
  const raw = await createPostgresEventStore({
    connectionString: url,
    maxConnections: 20,
    migrate: false,
  });
  try {
    const run = randomUUID();
    return await rate(SUPPLIERS, TENDERS, (writer, i) =>
      raw.append(
        `raw-${run}-${i}.bid-${writer}`,
        [
          {
            ...event('BidSubmitted', sealedBidData(tenderId, `supplier-${writer}`, i), {
              userId: `u-supplier-${writer}`,
              organisationId: `supplier-${writer}`,
              role: 'supplier',
            }),
            version: 2,
          },
        ],
        'no_stream',
      ),
    );
  } finally {
    await raw.close();
  }
}

async function verify(
  store: EventStore,
  tenderIds: string[],
  outcomes: Outcome[],
  deadline: Date,
): Promise<string[]> {
  const problems: string[] = [];
  const stored = new Map<string, { type: string; eventId: string; receivedAt?: string }[]>();
  for (const tenderId of tenderIds) {
    const events = await store.readAll({
      streamPrefix: bidStreamPrefix(tenderId),
      maxCount: 100_000,
    });
    for (const event of events) {
      const list = stored.get(event.streamName) ?? [];
      const data = event.data as { receivedAt?: string };
      list.push({ type: event.type, eventId: event.eventId, receivedAt: data.receivedAt });
      stored.set(event.streamName, list);
    }
  }
  for (const outcome of outcomes) {
    const events = stored.get(`${bidStreamPrefix(outcome.tenderId)}${outcome.supplierId}`) ?? [];
    const submitted = events.filter((e) => e.type === 'BidSubmitted');
    if (outcome.status === 201) {
      if (submitted.length !== 1 || submitted[0].eventId !== outcome.eventId)
        problems.push(
          `${outcome.supplierId} on ${outcome.tenderId}: accepted but stored ${submitted.length} times`,
        );
      if (new Date(outcome.receivedAt!).getTime() >= deadline.getTime())
        problems.push(
          `${outcome.supplierId} on ${outcome.tenderId}: accepted at ${outcome.receivedAt}, after the deadline`,
        );
    } else if (outcome.code === 'LATE_BID') {
      if (submitted.length !== 0)
        problems.push(`${outcome.supplierId} on ${outcome.tenderId}: refused as late but stored`);
      if (!events.some((e) => e.type === 'LateBidRefused'))
        problems.push(`${outcome.supplierId} on ${outcome.tenderId}: late refusal not recorded`);
    } else {
      problems.push(
        `${outcome.supplierId} on ${outcome.tenderId}: unexpected ${outcome.status} ${outcome.code}`,
      );
    }
  }
  for (const [stream, events] of stored) {
    for (const event of events) {
      if (
        event.type === 'BidSubmitted' &&
        new Date(event.receivedAt!).getTime() >= deadline.getTime()
      )
        problems.push(
          `${stream}: a bid stored with receipt time ${event.receivedAt}, after the deadline`,
        );
    }
  }
  return problems;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
