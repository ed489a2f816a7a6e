/**
 * Abuse (issue 17): an honest supplier's bid latency with and without a flood of pathological
 * requests (a million-item array, a million responses, JSON nested 2,500 levels, 6 MB bids, denormal
 * numbers) in flight, side by side, in one run against the real HTTP API on PostgreSQL. Rate limits are
 * lifted so that every hostile request reaches the parser: this measures the limits before work, not
 * the 429s. The flood runs in a child process (bench/abuse-clients.ts); loopback only, bounded in
 * count and time. Run with `npm run bench:abuse`.
 * Optional: DATABASE_URL (PostgreSQL admin URL), ABUSE_BIDS (bids per phase, default 60).
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { demoUser, issueToken } from '@fairtender/auth';
import { createScratchDatabase } from '@fairtender/event-store/testing/scratch-database';
import { latencies, percentileOf } from '../test/support/abuse-flood';
import { startHttpApi } from '../test/support/http-api';
import { bidBody, noticeTerms } from '../test/support/tender-fixtures';

const BIDS = Number(process.env.ABUSE_BIDS ?? 60);
const NO_RATE_LIMIT = {
  RATE_LIMIT_ANONYMOUS_PER_ADDRESS: '1000000',
  RATE_LIMIT_PER_ADDRESS: '1000000',
  RATE_LIMIT_PER_ACTOR: '1000000',
  RATE_LIMIT_BIDS_PER_ACTOR: '1000000',
};

async function main(): Promise<void> {
  const database = await createScratchDatabase('bench_abuse');
  const api = await startHttpApi(
    { EVENT_STORE: 'postgres', DATABASE_URL: database.url, LOG_LEVEL: 'error', ...NO_RATE_LIMIT },
    { withProjector: false },
  );
  try {
    const officer = api.as('officer-alice');
    const tenderId = (await officer.post('/tenders', noticeTerms(api.clock.now()))).body.tenderId;
    await officer.post(`/tenders/${tenderId}/publication`);
    for (const user of ['supplier-acme', 'supplier-birch', 'supplier-cedar'] as const) {
      await api.as(user).post(`/tenders/${tenderId}/bid`, bidBody(100));
    }
    const acme = api.as('supplier-acme');
    const revise = async (i: number) => {
      const answer = await acme.put(`/tenders/${tenderId}/bid`, bidBody(90 - (i % 80)));
      if (answer.status !== 200) throw new Error(`bid answered ${answer.status}`);
    };
    await latencies(10, revise); // warm up
    const quiet = await latencies(BIDS, revise);
    const tokens: Record<string, string> = {};
    for (const user of ['supplier-birch', 'supplier-cedar'] as const) {
      tokens[user] = await issueToken(api.config.auth, demoUser(user));
    }
    const clients = fork(join(__dirname, 'abuse-clients.ts'), {
      execArgv: ['-r', '@swc-node/register'],
    });
    const answers = new Promise<Record<number, number>>((resolve) =>
      clients.on('message', (message) => message !== 'started' && resolve(message as never)),
    );
    await new Promise((resolve) => {
      clients.once('message', resolve);
      clients.send({ baseUrl: api.baseUrl, tenderId, tokens });
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const flooded = await latencies(BIDS, revise);
    clients.send('stop');
    const statuses = await answers;

    const row = (label: string, sorted: number[]) =>
      `${label.padEnd(22)}${[50, 95, 99]
        .map((p) => percentileOf(sorted, p).toFixed(1).padStart(10))
        .join('')}${sorted[sorted.length - 1].toFixed(1).padStart(10)}`;
    console.log(`\nBid revision latency (ms), ${BIDS} sequential bids per phase`);
    console.log(
      `${''.padEnd(22)}${['p50', 'p95', 'p99', 'max'].map((h) => h.padStart(10)).join('')}`,
    );
    console.log(row('without flood', quiet));
    console.log(row('with flood (4 loops)', flooded));
    const answered = Object.values(statuses).reduce((sum, n) => sum + n, 0);
    console.log(
      `pathological requests answered meanwhile: ${answered} ${JSON.stringify(statuses)}`,
    );
  } finally {
    await api.close();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
