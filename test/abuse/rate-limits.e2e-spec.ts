import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { bidBody, noticeTerms } from '../support/tender-fixtures';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMITS = {
  RATE_LIMIT_ANONYMOUS_PER_ADDRESS: '3',
  RATE_LIMIT_PER_ACTOR: '5',
  RATE_LIMIT_PER_ADDRESS: '25',
  RATE_LIMIT_BIDS_PER_ACTOR: '4',
  RATE_LIMIT_WINDOW_SECONDS: '60',
};

/** Issue 17, finding 3: limits per actor and per address; nobody's flood delays another's bid. */
describe('rate limits', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  let tenderId: string;

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_abuse_rates');
    api = await startHttpApi({
      EVENT_STORE: 'postgres',
      DATABASE_URL: database.url,
      ...LIMITS,
      RATE_LIMIT_PER_ACTOR: '1000', // set up the tender first, then count in a fresh app below
    });
    const officer = api.as('officer-alice');
    tenderId = (await officer.post('/tenders', noticeTerms(api.clock.now()))).body.tenderId;
    expect((await officer.post(`/tenders/${tenderId}/publication`)).status).toBe(200);
    await api.close();
    api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: database.url, ...LIMITS });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('refuses the fourth anonymous request of an address with 429 RATE_LIMITED and Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api.as(null).get('/notices')).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await api.as(null).get('/notices');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({
      code: 'RATE_LIMITED',
      details: { bucket: 'anonymous', limit: 3, windowSeconds: 60 },
    });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });

  it('counts a forged token as anonymous: it cannot spend the actor it names', async () => {
    const forged = {
      authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdXBwbGllci1hY21lIn0.x',
    };
    expect((await api.as(null).get('/bids', forged)).status).toBe(429); // the anonymous bucket is spent
    expect((await api.as('supplier-acme').get('/bids')).status).toBe(200);
  });

  it("limits one actor's flood to its own bucket", async () => {
    const oscar = api.as('officer-oscar');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await oscar.get('/notices')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await oscar.get('/notices')).body.details).toMatchObject({ bucket: 'actor', limit: 5 });
    expect((await api.as('supplier-birch').get('/bids')).status).toBe(200);
  });

  it('keeps bid submission open when the address is spent, in a bucket of the bidder alone', async () => {
    const users = [
      'evaluator-eve',
      'evaluator-evan',
      'legal-lee',
      'auditor-ada',
      'officer-bob',
    ] as const;
    for (const user of users) for (let i = 0; i < 5; i++) await api.as(user).get('/notices');
    expect((await api.as('supplier-cedar').get('/bids')).body.details).toMatchObject({
      bucket: 'address',
    });
    const cedar = api.as('supplier-cedar');
    expect((await cedar.post(`/tenders/${tenderId}/bid`, bidBody(100))).status).toBe(201);
    const revisions: number[] = [];
    for (let i = 0; i < 4; i++) {
      revisions.push((await cedar.put(`/tenders/${tenderId}/bid`, bidBody(99 - i))).status);
    }
    expect(revisions).toEqual([200, 200, 200, 429]);
    expect(
      (await api.as('supplier-acme').post(`/tenders/${tenderId}/bid`, bidBody(98))).status,
    ).toBe(201);
  });
});

describe('rate limits shared through Redis', () => {
  let api: RunningApi | undefined;
  let redis: Redis | undefined;
  const prefix = `abuse-${randomUUID().slice(0, 8)}`;

  afterAll(async () => {
    await api?.close();
    if (redis) {
      const keys = await redis.keys(`${prefix}-rate-*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  });

  it('counts in Redis when RATE_LIMIT_STORE=redis, so every replica sees the same count', async () => {
    api = await startHttpApi(
      {
        EVENT_STORE: 'embedded',
        EMBEDDED_DATA_DIR: 'memory://',
        REDIS_URL,
        RATE_LIMIT_STORE: 'redis',
        SCHEDULER_QUEUE_PREFIX: prefix,
        ...LIMITS,
      },
      { withProjector: false },
    );
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await api.as(null).get('/receipts/public-key')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    redis = new Redis(REDIS_URL);
    expect((await redis.keys(`${prefix}-rate-*`)).length).toBeGreaterThan(0);
  });
});
