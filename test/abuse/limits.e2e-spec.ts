import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { issueToken } from '@fairtender/auth';
import { storedEvents } from '../support/bad-input';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { bidBody, noticeTerms } from '../support/tender-fixtures';

/** A body nested `levels` deep inside the receipt's payload. */
function nested(levels: number): string {
  return `{"payload":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)},"signature":"x"}`;
}

/**
 * Issue 17, findings 1 and 2: one request must not hold the server, and no body answers 500. Every
 * pathological body is refused by its size or shape before class-transformer sees it, with a code
 * of the error table that only the pre-transform limits raise. How fast is `bench:abuse`'s to say
 * (docs/benchmarks.md), not a timed assertion here.
 */
describe('limits before work', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  let tenderId: string;

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_abuse_limits');
    api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: database.url });
    const officer = api.as('officer-alice');
    tenderId = (await officer.post('/tenders', noticeTerms(api.clock.now()))).body.tenderId;
    expect((await officer.post(`/tenders/${tenderId}/publication`)).status).toBe(200);
    expect(
      (await api.as('supplier-acme').post(`/tenders/${tenderId}/bid`, bidBody(100))).status,
    ).toBe(201);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  async function answerOf(run: () => Promise<{ status: number; body: { code?: string } }>) {
    const response = await run();
    return { status: response.status, code: response.body?.code };
  }

  it('refuses an anonymous receipt check of 1,000,000 {} by its size, at once', async () => {
    const body = `[${Array(1_000_000).fill('{}').join(',')}]`;
    const answer = await answerOf(() => api.as(null).post('/receipts/verification', body));
    expect(answer).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses an array where the receipt is an object, before validating its items', async () => {
    const body = `[${Array(2000).fill('{}').join(',')}]`;
    const answer = await answerOf(() => api.as(null).post('/receipts/verification', body));
    expect(answer).toMatchObject({ status: 400, code: 'ARRAY_TOO_LONG' });
  });

  it('refuses a bid of 1,000,000 responses (30 allowed) before transforming them', async () => {
    const { responses: _r, ...rest } = bidBody(100);
    const responses = Array(1_000_000).fill('{}').join(',');
    const body = `${JSON.stringify(rest).slice(0, -1)},"responses":[${responses}]}`;
    const answer = await answerOf(() =>
      api.as('supplier-acme').put(`/tenders/${tenderId}/bid`, body),
    );
    expect(answer).toMatchObject({ status: 400, code: 'ARRAY_TOO_LONG' });
  });

  it('names the array and its limit when a DTO array is one item too long', async () => {
    const bid = bidBody(100);
    const responses = Array.from({ length: 31 }, (_, i) => ({
      criterionId: `c${i}`,
      response: 'x',
    }));
    const response = await api.as('supplier-acme').put(`/tenders/${tenderId}/bid`, {
      ...bid,
      responses,
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'ARRAY_TOO_LONG',
      details: { field: 'responses', max: 30 },
    });
  });

  it.each([
    ['anonymous', null, '/receipts/verification'],
    ['a supplier', 'supplier-acme' as const, '/tenders/00000000-0000-4000-8000-000000000000/bid'],
  ])('refuses JSON nested 2,500 levels deep (%s) as BODY_TOO_DEEP', async (_who, user, path) => {
    const answer = await answerOf(() => api.as(user).post(path, nested(2500)));
    expect(answer).toMatchObject({ status: 400, code: 'BODY_TOO_DEEP' });
  });

  it.each(['1e-320', '4.9e-324', '-2e-310', '1e400', '-1e999'])(
    'refuses the number %s as NUMBER_OUT_OF_RANGE, not 500',
    async (number) => {
      const body = JSON.stringify(bidBody(100)).replace('"amount":100', `"amount":${number}`);
      const response = await api.as('supplier-acme').put(`/tenders/${tenderId}/bid`, body);
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 400,
        code: 'NUMBER_OUT_OF_RANGE',
      });
    },
  );

  it('refuses a tiny number in a notice (weights and values) as NUMBER_OUT_OF_RANGE', async () => {
    const terms = noticeTerms(api.clock.now(), {
      estimatedValue: { amount: 1e-320, currency: 'GBP' },
    });
    const response = await api.as('officer-alice').post('/tenders', terms);
    expect({ status: response.status, code: response.body.code }).toEqual({
      status: 400,
      code: 'NUMBER_OUT_OF_RANGE',
    });
  });

  it('refuses a NUL in text as TEXT_HAS_NUL (400), not 413, and stores nothing', async () => {
    const before = await storedEvents(database.url);
    const question = { question: 'When is the site visit?\u0000' };
    const response = await api
      .as('supplier-birch')
      .post(`/tenders/${tenderId}/clarifications`, question);
    expect({ status: response.status, code: response.body.code }).toEqual({
      status: 400,
      code: 'TEXT_HAS_NUL',
    });
    expect(await storedEvents(database.url)).toEqual(before);
  });

  it('still accepts a backslash followed by u0000 as plain text', async () => {
    const question = { question: 'What does \\u0000 mean in your portal?' };
    const response = await api
      .as('supplier-birch')
      .post(`/tenders/${tenderId}/clarifications`, question);
    expect(response.status).toBe(201);
  });

  it('answers an over-long path parameter with our 414 code, not Fastify’s', async () => {
    const response = await api.as('officer-alice').get(`/tenders/${'a'.repeat(600)}`);
    expect(response.status).toBe(414);
    expect(response.body).toMatchObject({ code: 'PARAMETER_TOO_LONG' });
    expect(JSON.stringify(response.body)).not.toContain('FST_');
  });

  it.each(['../acme', 'x/y', 'ACME', '\u0430\u0441m\u0435', 'acme\u0000'])(
    'refuses a token whose organisation is %j with 401 TOKEN_INVALID, and stores no bid',
    async (organisationId) => {
      const before = await storedEvents(database.url);
      const token = await issueToken(api.config.auth, {
        userId: 'supplier-x',
        organisationId,
        role: 'supplier',
      });
      const response = await api
        .as(null)
        .post(`/tenders/${tenderId}/bid`, bidBody(100), { authorization: `Bearer ${token}` });
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 401,
        code: 'TOKEN_INVALID',
      });
      expect(response.body.details).toMatchObject({ claim: 'org' });
      expect(await storedEvents(database.url)).toEqual(before);
    },
  );

  it('keeps accepting an ordinary bid revision', async () => {
    const response = await api.as('supplier-acme').put(`/tenders/${tenderId}/bid`, bidBody(99));
    expect(response.status).toBe(200);
  });
});
