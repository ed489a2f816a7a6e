/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import { tenderStream } from '@fairtender/domain';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { bidBody, noticeTerms } from '../support/tender-fixtures';
import { evaluateAndAward, expectStatus, PRICES, SUPPLIER_USERS } from '../award/award-fixtures';
import { expectValidOcds } from '../publication/expect-valid-ocds';
import { codesOf, declared, engagement, openProcurement, today } from './planning-fixtures';

const APPROVAL =
  'The options appraisal weighed three solutions fairly and an open competition suits this market';

/**
 * The real case's path over HTTP on PostgreSQL (issue 14): one supplier engaged, a pilot whose
 * material nobody else saw, a strategy nobody approved — refused at publication with the right codes;
 * then made lawful (approval, material shared, a second supplier engaged, the conflicts assessment)
 * and carried to a competitive award, where the pilot supplier's incumbency is flagged.
 */
describe('the real case before the notice, over HTTP (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  let tenderId: string;
  let position: string;
  const alice = () => api.as('officer-alice');
  const publish = () => alice().post(`/tenders/${tenderId}/publication`);

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_planning_real_case');
    api = await startHttpApi({ EVENT_STORE: 'postgres', DATABASE_URL: database.url });
    ({ tenderId } = await openProcurement(api));
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('one supplier engaged, a pilot, a strategy nobody approved: publication is refused', async () => {
    expectStatus(
      await alice().post(
        `/procurements/${tenderId}/engagements`,
        engagement('pilot-1', 'acme', 'pilot', today(api), [
          { materialId: 'spec-1', title: 'Draft evidence storage specification' },
        ]),
      ),
      200,
    );
    const draft = expectStatus(
      await alice().post(`/procurements/${tenderId}/draft`, noticeTerms(api.clock.now())),
      201,
    );
    expect(draft).toMatchObject({ stage: 'draft', recorded: ['TenderDrafted'] });
    const refused = await publish();
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('STRATEGY_NOT_APPROVED');
    expect(codesOf(refused.body)).toEqual([
      'STRATEGY_NOT_APPROVED',
      'ENGAGEMENT_MATERIAL_NOT_SHARED',
      'CONFLICTS_ASSESSMENT_MISSING',
    ]);
    expect(refused.body.details).toMatchObject({ estimatedValue: 50_000_000, threshold: 500_000 });
  });

  it('only an approver other than the author approves', async () => {
    const author = await alice().post(`/procurements/${tenderId}/strategy-approval`, {
      reasons: APPROVAL,
    });
    expect(author.status).toBe(403);
    expect(author.body.code).toBe('APPROVER_PERMISSION_REQUIRED');
    const approved = expectStatus(
      await api
        .as('officer-carol')
        .post(`/procurements/${tenderId}/strategy-approval`, { reasons: APPROVAL }),
      200,
    );
    expect(approved.recorded).toEqual(['StrategyApproved']);
    const next = await publish();
    expect(next.body.code).toBe('ENGAGEMENT_MATERIAL_NOT_SHARED');
    expect(next.body.details.materials).toEqual([
      expect.objectContaining({ materialId: 'spec-1', shownTo: 'acme' }),
    ]);
  });

  it('material shared, the UK2 notice published and a second supplier engaged', async () => {
    expectStatus(
      await alice().post(`/procurements/${tenderId}/engagement-notice`, {
        description: 'Market engagement for body-worn video: supplier days and written questions',
        closesOn: today(api),
      }),
      200,
    );
    expectStatus(
      await alice().post(`/procurements/${tenderId}/shared-materials`, {
        materialId: 'spec-1',
        how: 'Published with the engagement notice for every interested supplier to download',
      }),
      200,
    );
    const birch = expectStatus(
      await alice().post(
        `/procurements/${tenderId}/engagements`,
        engagement('meeting-1', 'birch', 'meeting', today(api)),
      ),
      200,
    );
    const notice = expectStatus(
      await api
        .as(null)
        .get(`/procurements/${tenderId}/engagement-notice`, { 'x-min-position': birch.position }),
      200,
    );
    expect(notice.sharedMaterials).toEqual([
      { materialId: 'spec-1', title: 'Draft evidence storage specification' },
    ]);
    const missing = await publish();
    expect(missing.body.code).toBe('CONFLICTS_ASSESSMENT_MISSING');
    expect(missing.body.details.missing).toEqual(['officer-alice', 'officer-carol']);
  });

  it('with the conflicts assessment the notice is published, saying engagement took place', async () => {
    expectStatus(
      await alice().post(`/procurements/${tenderId}/conflicts-assessment`, {
        persons: [declared('officer-alice', 'author'), declared('officer-carol', 'approver')],
        reason: 'Assessment before the tender notice covering the author and the approver',
      }),
      200,
    );
    const published = expectStatus(await publish(), 200);
    expect(published.recorded).toEqual(['TenderPublished', 'BidSealingKeyIssued']);
    const events = await api.store.readStream(tenderStream(tenderId));
    expect(events[0].type).toBe('ProcurementOpened');
    const notice = events.find((e) => e.type === 'TenderPublished')!.data as any;
    expect(notice.preliminaryMarketEngagement).toMatchObject({
      tookPlace: true,
      suppliersEngaged: 2,
    });
    const record = expectStatus(
      await alice().get(`/procurements/${tenderId}`, { 'x-min-position': published.position }),
      200,
    );
    expect(record).toMatchObject({ stage: 'tendering', approvalStands: true });
    expect(record.conflictsAssessment).toHaveLength(1);
  });

  it('carried to a competitive award: the pilot supplier is flagged, the panel joins the assessment', async () => {
    const terms = noticeTerms(api.clock.now());
    let lastBid = '';
    for (const supplierId of ['acme', 'birch', 'cedar'] as const) {
      const placed = expectStatus(
        await api
          .as(SUPPLIER_USERS[supplierId])
          .post(`/tenders/${tenderId}/bid`, bidBody(PRICES[supplierId], supplierId)),
        201,
      );
      lastBid = placed.receipt.payload.position;
    }
    const register = await alice().get(`/tenders/${tenderId}/bids`, { 'x-min-position': lastBid });
    expect(expectStatus(register, 200).bidCount).toBe(3);
    api.clock.set(new Date(Date.parse(terms.submissionDeadline) + 60_000));
    expectStatus(await alice().post(`/tenders/${tenderId}/closing`), 200);
    expectStatus(await alice().post(`/tenders/${tenderId}/opening`), 200);
    expectStatus(await api.as('officer-bob').post(`/tenders/${tenderId}/opening`), 200);
    const award = await evaluateAndAward(api, tenderId, {
      scores: { acme: { quality: 8, 'social-value': 7 }, birch: { quality: 7, 'social-value': 6 } },
      excluded: 'cedar',
      winner: 'acme',
    });
    position = award.position;
    const report = expectStatus(
      await api.as('auditor-ada').get(`/tenders/${tenderId}/integrity`, {
        'x-min-position': position,
      }),
      200,
    );
    const incumbency = report.redFlags.find((f: any) => f.code === 'FT-INCUMBENT-IN-COMPETITION');
    expect(incumbency).toMatchObject({
      supplierId: 'acme',
      evidence: { ranPilot: true, holdsReplacedContract: true, won: true },
    });
    expect(report.redFlags.map((f: any) => f.code)).not.toContain('FT-SINGLE-SUPPLIER-ENGAGEMENT');
    expect(report.planning).toMatchObject({ recorded: true, conflictsAssessmentRevisions: 2 });
    const evaluators = report.planning.conflictsAssessment.filter(
      (p: any) => p.capacity === 'evaluator',
    );
    expect(evaluators.map((p: any) => p.userId)).toEqual(['evaluator-eve', 'evaluator-evan']);
    expect(evaluators[0].supplierDeclarations).toEqual(
      expect.arrayContaining([{ supplierId: 'acme', conflict: false }]),
    );
    const listed = expectStatus(
      await api
        .as('auditor-ada')
        .get(`/integrity/red-flags?code=FT-INCUMBENT-IN-COMPETITION&tenderId=${tenderId}`, {
          'x-min-position': position,
        }),
      200,
    );
    expect(listed.items).toEqual([expect.objectContaining({ supplierId: 'acme', tenderId })]);
  });

  it('OCDS: a planning release first, the notice with its planning section; valid', async () => {
    const { releases } = await expectValidOcds(api.baseUrl, tenderId, { minPosition: position });
    expect(releases[0].tag).toEqual(['planning']);
    expect(releases[0].tender.status).toBe('planning');
    expect(releases[0].planning.documents).toEqual([
      expect.objectContaining({ id: 'preliminary-market-engagement-notice' }),
    ]);
    const notice = releases.find((r: any) => r.tag[0] === 'tender');
    expect(notice.planning.budget.amount).toEqual({ amount: 50_000_000, currency: 'GBP' });
    expect(notice.planning.documents.map((d: any) => d.id)).toContain('engagement-material-spec-1');
  });
});
