import { refusalStream } from '@fairtender/domain';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { noticeTerms } from '../support/tender-fixtures';

const WINDOW_SECONDS = 300;

/**
 * Issue 17, finding 3: 200 refused reads by a non-bidder had added 200 events to a competitor's
 * tender. Now the first refusal of a window is recorded, the rest are one event with their count, and
 * the legal views count the attempts.
 */
describe('a refusal record that cannot be flooded', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  let tenderId: string;
  const refusals = async () =>
    (await api.store.readStream(refusalStream(tenderId))).map((e) => ({
      type: e.type,
      user: e.metadata.actor?.userId,
      data: e.data as Record<string, unknown>,
    }));

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_abuse_refusals');
    api = await startHttpApi({
      EVENT_STORE: 'postgres',
      DATABASE_URL: database.url,
      REFUSAL_WINDOW_SECONDS: String(WINDOW_SECONDS),
      RATE_LIMIT_PER_ACTOR: '10000',
    });
    const officer = api.as('officer-alice');
    tenderId = (await officer.post('/tenders', noticeTerms(api.clock.now()))).body.tenderId;
    expect((await officer.post(`/tenders/${tenderId}/publication`)).status).toBe(200);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('records 200 refused reads as one refusal and, after the window, one count of 199', async () => {
    const birch = api.as('supplier-birch');
    for (let i = 0; i < 200; i++) {
      expect((await birch.get(`/tenders/${tenderId}/bids`)).status).toBe(403);
    }
    expect((await refusals()).map((e) => e.type)).toEqual(['AccessRefused']);

    api.clock.advance(WINDOW_SECONDS * 1000);
    expect((await birch.get(`/tenders/${tenderId}/bids`)).status).toBe(403);
    const recorded = await refusals();
    expect(recorded.map((e) => [e.type, e.user])).toEqual([
      ['AccessRefused', 'supplier-birch'],
      ['AccessRefusalsRepeated', 'supplier-birch'],
      ['AccessRefused', 'supplier-birch'],
    ]);
    expect(recorded[1].data).toMatchObject({
      refusedType: 'AccessRefused',
      attempted: `GET /tenders/${tenderId}/bids`,
      code: 'ROLE_NOT_ALLOWED',
      count: 199,
      windowSeconds: WINDOW_SECONDS,
      windowStartedAt: recorded[0].data.attemptedAt,
    });
  });

  it('keeps each actor and each attempt apart', async () => {
    const before = (await refusals()).length;
    await api.as('supplier-cedar').get(`/tenders/${tenderId}/bids`);
    await api.as('supplier-birch').post(`/tenders/${tenderId}/cancellation`, { reason: 'x' });
    expect((await refusals()).slice(before).map((e) => [e.type, e.user])).toEqual([
      ['AccessRefused', 'supplier-cedar'],
      ['AccessRefused', 'supplier-birch'],
    ]);
  });

  it('writes an ended window by itself, and the legal state view counts every attempt', async () => {
    const birch = api.as('supplier-birch');
    for (let i = 0; i < 4; i++) await birch.get(`/tenders/${tenderId}/bids`);
    api.clock.advance(WINDOW_SECONDS * 1000);
    await new Promise((resolve) => setTimeout(resolve, 6000)); // the recorder checks every 5 s
    const last = (await refusals()).at(-1)!;
    expect(last).toMatchObject({ type: 'AccessRefusalsRepeated', data: { count: 4 } });

    const state = await api
      .as('auditor-ada')
      .get(`/tenders/${tenderId}/state?at=${api.clock.now().toISOString()}`);
    expect(state.status).toBe(200);
    // 1 + 199 + 1 + 4 by birch on the register, 1 by cedar, 1 cancellation by birch.
    expect(state.body.refusals).toEqual({ total: 207, byType: { AccessRefused: 207 } });
  });
});
