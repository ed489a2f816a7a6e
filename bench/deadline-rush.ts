/**
 * Deadline rush (docs/benchmarks.md): 200 concurrent suppliers submit 2,000 sealed bids through the real HTTP API
 * on PostgreSQL while the submission deadline falls. Prints accepted bids/s, p50/p99 latency and the raw
 * event-store append rate of the same bids measured in the same run, then checks that every accepted bid
 * is stored exactly once, none was accepted at or after the deadline, and every late one was refused and
 * recorded. Run with `npm run bench:rush`. Optional: DATABASE_URL (PostgreSQL admin URL).
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { issueToken } from '@fairtender/auth';
import { bidStreamPrefix, type Actor } from '@fairtender/domain';
import { createPostgresEventStore } from '@fairtender/event-store';
import { createScratchDatabase } from '@fairtender/event-store/testing/scratch-database';
import { startHttpApi } from '../test/support/http-api';
import { bidBody, noticeTerms } from '../test/support/tender-fixtures';
import { formatRate, rate } from './bench-support';
import { HttpLoad, percentile } from './http-load';
import type { RushMessage, RushOutcome, RushPlan } from './rush-clients';

const SUPPLIERS = 200;
const TENDERS = 10;
/** The paced phase: every supplier bids once on each of these tenders, spread over PACED_SECONDS. */
const PACED_TENDERS = 2;
const PACED_SECONDS = 2;
/** The deadline falls once this share of the bids has been answered. */
const DEADLINE_AT = 0.7;

type Outcome = RushOutcome;

/** Forks the suppliers' process, hands it the plan, and relays its progress. */
function runClients(
  plan: RushPlan,
  onProgress: (answered: number, elapsedSeconds: number) => void,
): Promise<{ outcomes: RushOutcome[]; seconds: number; paced: RushOutcome[] }> {
  const child = fork(join(__dirname, 'rush-clients.ts'), {
    execArgv: ['-r', '@swc-node/register'],
  });
  return new Promise((resolve, reject) => {
    child.on('message', (message: RushMessage) => {
      if (message.kind === 'progress') onProgress(message.answered, message.elapsedSeconds);
      else resolve(message);
    });
    child.on('error', reject);
    child.on('exit', (code) => code !== 0 && reject(new Error(`rush clients exited with ${code}`)));
    child.send(plan);
  });
}

async function main(): Promise<void> {
  const database = await createScratchDatabase('bench_rush');
  const api = await startHttpApi(
    { EVENT_STORE: 'postgres', DATABASE_URL: database.url, LOG_LEVEL: 'error' },
    { withProjector: false },
  );
  const load = new HttpLoad(api.baseUrl, 4);
  try {
    const officer = await issueToken(api.config.auth, {
      userId: 'rush-officer',
      organisationId: 'rush-authority',
      role: 'officer',
    });
    const start = api.clock.now();
    const tenderIds: string[] = [];
    for (let t = 0; t < TENDERS + PACED_TENDERS; t += 1) {
      const drafted = await load.send('POST', '/tenders', officer, noticeTerms(start));
      await load.send('POST', `/tenders/${drafted.body.tenderId}/publication`, officer);
      tenderIds.push(drafted.body.tenderId);
    }
    const deadline = new Date(noticeTerms(start).submissionDeadline);
    // Just before the deadline: the rush is the last minutes of tendering.
    api.clock.set(new Date(deadline.getTime() - 60_000));
    const suppliers: Actor[] = Array.from({ length: SUPPLIERS }, (_, i) => ({
      userId: `rush-user-${i}`,
      organisationId: `rush-supplier-${i}`,
      role: 'supplier',
    }));
    const tokens = await Promise.all(suppliers.map((actor) => issueToken(api.config.auth, actor)));
    const body = bidBody(1_000_000, 'Rush');
    const total = SUPPLIERS * TENDERS;
    let tenderingSeconds = Number.NaN;
    const serverCpu = process.cpuUsage();
    const { outcomes, seconds, paced } = await runClients(
      {
        baseUrl: api.baseUrl,
        tokens,
        supplierIds: suppliers.map((s) => s.organisationId),
        tenderIds: tenderIds.slice(0, TENDERS),
        pacedTenderIds: tenderIds.slice(TENDERS),
        pacedSeconds: PACED_SECONDS,
        body,
      },
      (answered, elapsedSeconds) => {
        // The deadline falls mid-rush: from now on the server's clock reads the deadline or later.
        if (answered >= total * DEADLINE_AT && api.clock.now() < deadline) {
          api.clock.set(deadline);
          tenderingSeconds = elapsedSeconds;
        }
      },
    );
    const { user, system } = process.cpuUsage(serverCpu);
    const serverCpuMsPerBid = (user + system) / 1000 / (total + paced.length);
    const accepted = outcomes.filter((o) => o.status === 201);
    const late = outcomes.filter((o) => o.status === 409 && o.code === 'LATE_BID');
    const latencies = outcomes.map((o) => o.latencyMs);

    const raw = await rawAppendRate(database.url, api.store, body);
    // Bids are accepted only until the deadline: their rate is over that part of the run.
    const acceptedRate = accepted.length / tenderingSeconds;
    const problems = await verify(api.store, tenderIds, [...paced, ...outcomes], deadline);

    console.log(
      `Deadline rush: ${SUPPLIERS} suppliers, ${total} bids on ${TENDERS} tenders, PostgreSQL`,
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
      `  server CPU per bid ${serverCpuMsPerBid.toFixed(2)} ms (api process, all threads; ${Math.round((system / (user + system)) * 100)}% in the kernel)`,
    );
    console.log(
      problems.length === 0
        ? '  checks             every accepted bid stored once; none accepted at or after the deadline; every late bid refused and recorded'
        : `  CHECKS FAILED:\n    ${problems.join('\n    ')}`,
    );
    if (problems.length > 0) process.exitCode = 1;
  } finally {
    load.close();
    await api.close();
    await database.drop();
  }
}

/** The same sealed-bid-sized events appended straight to the store by as many concurrent writers. */
async function rawAppendRate(
  url: string,
  store: Awaited<ReturnType<typeof startHttpApi>>['store'],
  body: unknown,
): Promise<number> {
  void store;
  const raw = await createPostgresEventStore({ connectionString: url, maxConnections: 20 });
  const data = {
    sealed: Buffer.from(JSON.stringify(body)).toString('base64'),
    receivedAt: new Date().toISOString(),
  };
  try {
    const run = randomUUID();
    return await rate(SUPPLIERS, TENDERS, (writer, i) =>
      raw.append(
        `raw-${run}-${i}.bid-${writer}`,
        [{ eventId: randomUUID(), type: 'BidSubmitted', version: 1, data }],
        'no_stream',
      ),
    );
  } finally {
    await raw.close();
  }
}

async function verify(
  store: Awaited<ReturnType<typeof startHttpApi>>['store'],
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
