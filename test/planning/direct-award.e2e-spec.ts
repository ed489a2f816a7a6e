/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import { tenderStream } from '@fairtender/domain';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { expectStatus, passStandstill } from '../award/award-fixtures';
import { expectValidOcds } from '../publication/expect-valid-ocds';
import { declared, openProcurement } from './planning-fixtures';

const VALUE = { amount: 300_000, currency: 'GBP' };
const WHY =
  'The current cameras fail in June and no other supplier can deliver compatible units in time';

/**
 * A procurement planned as a direct award (PA 2023 s.41, Schedule 5) over HTTP on PostgreSQL: the
 * transparency notice (s.44), the contract award notice, the standstill of 8 working days counted
 * from that notice (s.51), a challenge suspending it, and the contract once it has run.
 */
describe('direct award as its own route over HTTP (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  let tenderId: string;
  let position: string;

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_planning_direct_award');
    api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: database.url });
    ({ tenderId } = await openProcurement(api, {
      estimatedValue: VALUE,
      route: { kind: 'direct-award', ground: 'extreme-urgency', supplierId: 'acme' },
      incumbentSupplierId: undefined,
    }));
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('the procurement is hidden from the public until a notice exists', async () => {
    const hidden = await api.as(null).get(`/procurements/${tenderId}/transparency-notice`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('TRANSPARENCY_NOTICE_NOT_FOUND');
    const outsider = await api.as('officer-oscar').get(`/procurements/${tenderId}`);
    expect(outsider.status).toBe(404);
    expect(outsider.body.code).toBe('TENDER_NOT_FOUND');
  });

  it('no award before the transparency notice, and that notice only after the conflicts assessment', async () => {
    const early = await api.as('officer-alice').post(`/tenders/${tenderId}/direct-award`, {
      supplierId: 'acme',
      ground: 'extreme-urgency',
      justification: WHY,
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('TRANSPARENCY_NOTICE_MISSING');
    const unassessed = await api
      .as('officer-alice')
      .post(`/procurements/${tenderId}/transparency-notice`, { justification: WHY, value: VALUE });
    expect(unassessed.status).toBe(409);
    expect(unassessed.body.code).toBe('CONFLICTS_ASSESSMENT_MISSING');
  });

  it('the transparency notice is published and readable without a token', async () => {
    expectStatus(
      await api.as('officer-alice').post(`/procurements/${tenderId}/conflicts-assessment`, {
        persons: [declared('officer-alice', 'author')],
        reason: 'Assessment before the transparency notice covering the only officer acting',
      }),
      200,
    );
    const published = expectStatus(
      await api.as('officer-alice').post(`/procurements/${tenderId}/transparency-notice`, {
        justification: WHY,
        value: VALUE,
      }),
      200,
    );
    expect(published.recorded).toEqual(['TransparencyNoticePublished']);
    const notice = expectStatus(
      await api.as(null).get(`/procurements/${tenderId}/transparency-notice`, {
        'x-min-position': published.position,
      }),
      200,
    );
    expect(notice).toMatchObject({
      tenderId,
      ground: 'extreme-urgency',
      groundReference: expect.stringContaining('Sch. 5'),
      justification: WHY,
      supplierId: 'acme',
      value: VALUE,
    });
  });

  it('the award notice starts the standstill: 8 working days from it, not from the transparency notice', async () => {
    api.clock.set(new Date(api.clock.now().getTime() + 2 * 24 * 60 * 60 * 1000));
    const wrong = await api.as('officer-alice').post(`/tenders/${tenderId}/direct-award`, {
      supplierId: 'birch',
      ground: 'extreme-urgency',
      justification: WHY,
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('TRANSPARENCY_NOTICE_MISMATCH');
    const awarded = expectStatus(
      await api.as('officer-alice').post(`/tenders/${tenderId}/direct-award`, {
        supplierId: 'acme',
        ground: 'extreme-urgency',
        justification: WHY,
      }),
      200,
    );
    expect(awarded).toMatchObject({
      stage: 'standstill',
      recorded: ['AwardProposed', 'StandstillStarted'],
    });
    position = awarded.position;
    const events = await api.store.readStream(tenderStream(tenderId));
    const notice = events.find((e) => e.type === 'TransparencyNoticePublished')!.data as any;
    const standstill = events.find((e) => e.type === 'StandstillStarted')!.data as any;
    const award = events.find((e) => e.type === 'AwardProposed')!.data as any;
    expect(standstill.startsAt).toBe(award.proposedAt);
    expect(standstill.startsAt > notice.publishedAt).toBe(true);
    expect(standstill.countedDays).toHaveLength(8);
    expect(standstill.basis).toContain('s.51');
  });

  it('is challenged and suspended like a competitive award, then the contract follows', async () => {
    const challenge = expectStatus(
      await api.as('supplier-birch').post(`/tenders/${tenderId}/challenges`, {
        challengeId: 'c-urgency',
        grounds: ['unequal-treatment'],
        text: 'The urgency was caused by the force letting the previous contract lapse without planning',
      }),
      201,
    );
    expect(challenge.recorded).toEqual(['ChallengeLodged', 'AwardSuspended']);
    const endsAt = await passStandstill(api, tenderId);
    const suspended = await api.as('officer-alice').post(`/tenders/${tenderId}/contract`, {
      period: { startDate: '2027-01-01', endDate: '2027-12-31' },
    });
    expect(suspended.status).toBe(409);
    expect(suspended.body.code).toBe('AWARD_SUSPENDED');
    expectStatus(
      await api.as('legal-lee').post(`/tenders/${tenderId}/challenges/c-urgency/outcome`, {
        outcome: 'dismissed',
        reason: 'The supplier of the failing cameras went into administration without warning',
      }),
      200,
    );
    const contract = expectStatus(
      await api.as('officer-alice').post(`/tenders/${tenderId}/contract`, {
        period: { startDate: '2027-01-01', endDate: '2027-12-31' },
      }),
      201,
    );
    expect(contract.recorded).toEqual(['ContractConcluded']);
    expect(Date.parse(endsAt)).toBeLessThan(api.clock.now().getTime());
    position = contract.position;
  });

  it('the integrity report flags the direct award; OCDS publishes it, valid against the schema', async () => {
    const report = expectStatus(
      await api
        .as('auditor-ada')
        .get(`/tenders/${tenderId}/integrity`, { 'x-min-position': position }),
      200,
    );
    expect(report.redFlags.map((f: any) => f.code)).toContain('FT-DIRECT-AWARD');
    const { releases } = await expectValidOcds(api.baseUrl, tenderId, { minPosition: position });
    expect(releases[0].tag).toEqual(['planning']);
  });

  it('a second direct award by the buyer to the same supplier within 12 months is red-flagged', async () => {
    const second = await openProcurement(api, {
      estimatedValue: VALUE,
      route: { kind: 'direct-award', ground: 'additional-or-repeat', supplierId: 'acme' },
      incumbentSupplierId: 'acme',
    });
    const base = `/procurements/${second.tenderId}`;
    expectStatus(
      await api.as('officer-alice').post(`${base}/conflicts-assessment`, {
        persons: [declared('officer-alice', 'author')],
        reason: 'Assessment before the transparency notice covering the only officer acting',
      }),
      200,
    );
    const why = 'Docking stations compatible with the cameras just bought can only come from Acme';
    expectStatus(
      await api
        .as('officer-alice')
        .post(`${base}/transparency-notice`, { justification: why, value: VALUE }),
      200,
    );
    const awarded = expectStatus(
      await api.as('officer-alice').post(`/tenders/${second.tenderId}/direct-award`, {
        supplierId: 'acme',
        ground: 'additional-or-repeat',
        justification: why,
      }),
      200,
    );
    const flags = expectStatus(
      await api.as('auditor-ada').get(`/integrity/red-flags?code=FT-REPEATED-DIRECT-AWARD`, {
        'x-min-position': awarded.position,
      }),
      200,
    );
    expect(flags.items).toEqual([
      expect.objectContaining({ tenderId: second.tenderId, supplierId: 'acme' }),
    ]);
    expect(flags.items[0].evidence.earlierDirectAwards).toEqual([
      expect.objectContaining({ tenderId, supplierId: 'acme', ground: 'extreme-urgency' }),
    ]);
  });
});
