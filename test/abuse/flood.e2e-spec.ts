import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { latencies, startFlood } from '../support/abuse-flood';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { bidBody, noticeTerms } from '../support/tender-fixtures';

/** Limits high enough that every pathological request reaches the parser: the test is its cost. */
const NO_RATE_LIMIT = {
  RATE_LIMIT_ANONYMOUS_PER_ADDRESS: '1000000',
  RATE_LIMIT_PER_ADDRESS: '1000000',
  RATE_LIMIT_PER_ACTOR: '1000000',
  RATE_LIMIT_BIDS_PER_ACTOR: '1000000',
};

/**
 * Issue 17: while pathological requests are in flight, /health and an honest supplier's bid answer
 * under 1 s at p99 (before: /health took 7.7 s behind one request, past 20 s behind four).
 */
describe('availability under a flood of pathological requests', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  let tenderId: string;

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_abuse_flood');
    api = await startHttpApi({
      EVENT_STORE: 'postgres',
      DATABASE_URL: database.url,
      ...NO_RATE_LIMIT,
    });
    const officer = api.as('officer-alice');
    tenderId = (await officer.post('/tenders', noticeTerms(api.clock.now()))).body.tenderId;
    expect((await officer.post(`/tenders/${tenderId}/publication`)).status).toBe(200);
    for (const user of ['supplier-acme', 'supplier-birch', 'supplier-cedar'] as const) {
      expect((await api.as(user).post(`/tenders/${tenderId}/bid`, bidBody(100))).status).toBe(201);
    }
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('keeps /health and a supplier’s bid answering during the flood (their p99 is bench:abuse’s), and refuses every hostile body with a 4xx', async () => {
    const flood = await startFlood(api, tenderId, { workers: 4, maxRequests: 300, maxSeconds: 60 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // let the flood get going
      const acme = api.as('supplier-acme');
      await latencies(30, async () => {
        expect((await api.as(null).get('/health')).status).toBe(200);
      });
      await latencies(20, async (i) => {
        expect((await acme.put(`/tenders/${tenderId}/bid`, bidBody(90 - i))).status).toBe(200);
      });
    } finally {
      await flood.stop();
    }
    const answered = Object.entries(flood.statuses);
    expect(answered.length).toBeGreaterThan(0);
    for (const [status] of answered) expect([400, 413]).toContain(Number(status));
  });
});
