import { randomUUID } from 'node:crypto';
import type { DemoUserId } from '@fairtender/auth';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { TENDER_ENDPOINTS, type TenderEndpoint } from '../support/tender-endpoints';
import { noticeTerms } from '../support/tender-fixtures';

/** Everyone outside authority-2 and oversight: to them authority-2's draft must not exist. */
const OUTSIDERS: (DemoUserId | null)[] = [
  'officer-alice',
  'supplier-acme',
  'evaluator-eve',
  'legal-lee',
  null,
];

/**
 * Issue 17 finding 5: every route under a tender id answers an outsider about a draft exactly as it
 * answers about an id that was never used — status, code, message and details (the id aside) — and
 * where that answer is about the tender, it is `404 TENDER_NOT_FOUND`.
 */
describe('A draft is no tender to anyone outside its buyer and oversight (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  let draft: string;
  const unknown = randomUUID();

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_drafts_hidden');
    api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: database.url });
    const drafted = await api.as('officer-oscar').post('/tenders', noticeTerms(api.clock.now()));
    expect(drafted.status).toBe(201);
    draft = drafted.body.tenderId;
    // Reads from read models must have seen the draft, or "not found" would prove nothing.
    const seen = await api
      .as('officer-oscar')
      .get(`/tenders/${draft}`, { 'x-min-position': drafted.body.position });
    expect(seen.status).toBe(200);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const answer = async (user: DemoUserId | null, endpoint: TenderEndpoint, tenderId: string) => {
    const response = await api
      .as(user)
      .request(endpoint.method, endpoint.path(tenderId), endpoint.body);
    const body = typeof response.body === 'object' ? { ...response.body } : response.body;
    if (body && typeof body === 'object') delete body.requestId;
    return {
      status: response.status,
      body: JSON.parse(JSON.stringify(body ?? null).replaceAll(tenderId, '<id>')),
    };
  };

  const rows = TENDER_ENDPOINTS.map(
    (endpoint) => [`${endpoint.method} ${endpoint.path(':id')}`, endpoint] as const,
  );

  it.each(rows)('%s: a draft answers every outsider as an unknown id does', async (_, endpoint) => {
    const notFoundFor: (DemoUserId | null)[] = [];
    for (const user of OUTSIDERS) {
      const onDraft = await answer(user, endpoint, draft);
      const onUnknown = await answer(user, endpoint, unknown);
      expect({ user, ...onDraft }).toEqual({ user, ...onUnknown });
      expect(onDraft.status).toBeGreaterThanOrEqual(400);
      if (onDraft.status === 404) {
        expect(onDraft.body).toEqual({
          code: 'TENDER_NOT_FOUND',
          message: 'No tender <id>',
          details: { tenderId: '<id>' },
        });
        notFoundFor.push(user);
      }
    }
    // At least one outsider's role may use the route: its answer is about the tender, so 404.
    expect(notFoundFor.length).toBeGreaterThan(0);
  });

  it('its buyer and oversight still see it', async () => {
    expect((await api.as('officer-oscar').get(`/tenders/${draft}`)).status).toBe(200);
    expect((await api.as('auditor-ada').get(`/tenders/${draft}/history`)).status).toBe(200);
  });
});
