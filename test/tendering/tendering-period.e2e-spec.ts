/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON the checks walk freely */
import { tenderStream } from '@fairtender/domain';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { expectValidOcds } from '../publication/expect-valid-ocds';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { noticeTerms } from '../support/tender-fixtures';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Statutory minimum tendering periods (Procurement Act 2023 s.54) over HTTP against PostgreSQL. */
describe('Statutory minimum tendering periods over HTTP (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let api: RunningApi;

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_periods');
    api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const at = (ms: number) => new Date(api.clock.now().getTime() + ms).toISOString();

  it('refuses to publish a UK open procedure with a 1-day tendering period, and writes nothing', async () => {
    const officer = api.as('officer-alice');
    const drafted = await officer.post(
      '/tenders',
      noticeTerms(api.clock.now(), {
        clarificationDeadline: at(6 * HOUR),
        submissionDeadline: at(DAY),
        minimumResponseDays: 1,
      }),
    );
    expect(drafted.status).toBe(201);
    const { tenderId } = drafted.body;

    const published = await officer.post(`/tenders/${tenderId}/publication`);
    expect(published.status).toBe(422);
    expect(published.body).toMatchObject({
      code: 'TENDERING_PERIOD_TOO_SHORT',
      details: {
        floorDays: 25,
        givenDays: 1,
        source: 'Procurement Act 2023 s.54(3)',
        procedure: 'open',
        jurisdiction: 'uk-pa-2023',
      },
    });
    const stored = await api.store.readStream(tenderStream(tenderId));
    expect(stored.map((event: any) => event.type)).toEqual(['TenderDrafted']);
    const notice = await api.as(null).get(`/notices/${tenderId}`, {
      'x-min-position': drafted.body.position,
    });
    expect(notice.status).toBe(404);
  });

  it('refuses a restricted procedure under the Procurement Act 2023', async () => {
    const drafted = await api
      .as('officer-alice')
      .post('/tenders', noticeTerms(api.clock.now(), { procedure: 'restricted' }));
    expect(drafted.status).toBe(422);
    expect(drafted.body).toMatchObject({
      code: 'PROCEDURE_NOT_AVAILABLE',
      details: { procedure: 'restricted', available: ['open', 'competitive_flexible'] },
    });
    expect(drafted.body.tenderId).toBeUndefined();
  });

  it('publishes a lawful reduced period on urgency: recorded, red-flagged and in the OCDS release', async () => {
    const officer = api.as('officer-alice');
    const justification =
      'The current body-worn camera contract ends in three weeks and officers would patrol without them';
    const drafted = await officer.post(
      '/tenders',
      noticeTerms(api.clock.now(), {
        clarificationDeadline: at(5 * DAY),
        submissionDeadline: at(12 * DAY),
        minimumResponseDays: 10,
        reducedTenderingPeriod: { ground: 'urgency', justification },
      }),
    );
    expect(drafted.status).toBe(201);
    const { tenderId } = drafted.body;
    const published = await officer.post(`/tenders/${tenderId}/publication`);
    expect(published.status).toBe(200);
    const seen = { 'x-min-position': published.body.position };

    const stored = await api.store.readStream(tenderStream(tenderId));
    const event: any = stored.find((e: any) => e.type === 'TenderPublished');
    expect(event.data.tenderingPeriod).toMatchObject({
      floorDays: 10,
      givenDays: 12,
      reduced: { ground: 'urgency', justification, normalFloorDays: 25 },
    });

    const notice = await api.as(null).get(`/notices/${tenderId}`, seen);
    expect(notice.body.tenderingPeriod).toMatchObject({
      floorDays: 10,
      source: 'Procurement Act 2023 s.54(3)',
      reduced: { ground: 'urgency', justification },
    });

    const integrity = await officer.get(`/tenders/${tenderId}/integrity`, seen);
    expect(integrity.status).toBe(200);
    expect(integrity.body.redFlags).toContainEqual(
      expect.objectContaining({
        code: 'FT-REDUCED-TENDERING-PERIOD',
        evidence: expect.objectContaining({ ground: 'urgency', givenDays: 12, floorDays: 10 }),
      }),
    );

    const { compiledRelease } = await expectValidOcds(api.baseUrl, tenderId, {
      minPosition: published.body.position,
    });
    expect(compiledRelease.tender.procurementMethodRationale).toContain('urgency');
    expect(compiledRelease.tender.procurementMethodRationale).toContain(justification);
  });
});
