/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import { formatPosition } from '@fairtender/event-store';
import { startHttpApi, type RunningApi } from '../support/http-api';
import { expectValidOcds } from '../publication/expect-valid-ocds';
import { noticeTerms } from '../support/tender-fixtures';
import {
  evaluateAndAward,
  expectStatus,
  KPIS,
  openedTender,
  passStandstill,
} from '../award/award-fixtures';
import { tenderStream } from '@fairtender/domain';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import type { Job } from 'bullmq';
import { DeadlineProcessor } from '../../apps/scheduler/src/deadlines/deadline.processor';
import { SchedulerClock } from '../../apps/scheduler/src/sandbox/scheduler-clock';
import type { DeadlineJobs } from '../../apps/scheduler/src/deadlines/deadline-jobs';
import {
  foldSchedule,
  planSchedule,
  type SchedulePlan,
} from '../../apps/scheduler/src/deadlines/deadline-schedule';
import { toTenderEvent } from '../../apps/scheduler/src/deadlines/tender-loader';

const DAY = 24 * 3600 * 1000;
/** A calendar date `days` from the real today (the scheduler runs on real time). */
const realDate = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const firstOfMonth = (monthsAgo: number) => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1))
    .toISOString()
    .slice(0, 10);
};
const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) - DAY).toISOString().slice(0, 10);

/** The seeds' pilot: 12 months, begun four months ago (real time), KPIs assessed monthly. */
const START = firstOfMonth(4);
const END = dayBefore(firstOfMonth(-8));
const MONTHLY_KPIS = KPIS.map((kpi) => ({ ...kpi, frequencyMonths: 1 }));
/** The first availability period ended more than a month ago: past its 30 days of grace. */
const FIRST_DUE = dayBefore(firstOfMonth(3));
const PLAN = {
  oversightBodyId: 'oversight',
  publicationUrl: 'https://oversight.example/reports/pilot',
  checkpoints: [
    { checkpointId: 'cp-missed', dueDate: realDate(-2), description: 'First-quarter review' },
    { checkpointId: 'cp-reviewed', dueDate: realDate(10), description: 'Data-retention audit' },
    { checkpointId: 'cp-later', dueDate: realDate(90), description: 'End-of-pilot review' },
  ],
  kpiIds: ['availability'],
};
const EXTENSION = {
  changeId: 'pilot-extension',
  kind: 'extension',
  description: 'Extend the body-worn video pilot by twelve months',
  justification:
    'The replacement procurement was delayed by the force restructure; footage must stay retrievable meanwhile.',
  addedValue: { amount: 500_000, currency: 'GBP' },
  addedMonths: 12,
};
const EXTENSION_PLAN = {
  ...PLAN,
  checkpoints: [
    { checkpointId: 'ext-review', dueDate: realDate(120), description: 'Extension review' },
  ],
};

/**
 * The seeds' extension over HTTP on PostgreSQL, with the real scheduler: a £6m pilot refused without
 * KPIs and without an audit plan; its 12-month extension refused without an audit plan, then on a
 * basis that does not hold, then made lawfully while the buyer's retender is open; its checkpoints
 * and assessments falling due, one missed and flagged; then terminated, and published so.
 */
describe('The contract after award: KPIs, audit plan, lawful extension, oversight, termination (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let api: RunningApi;
  let tenderId: string;
  let retenderId: string;
  let position = '';
  const alice = () => api.as('officer-alice');
  const base = () => `/tenders/${tenderId}`;
  const tenderEvents = () => api.store.readStream(tenderStream(tenderId));
  /** The scheduler's plan for the tender, as the feed and the reconciliation compute it. */
  const plan = async (): Promise<SchedulePlan> =>
    planSchedule(foldSchedule((await tenderEvents()).map(toTenderEvent)), api.config.contracts)!;
  /**
   * The scheduler's own processor runs every planned job that is due by the real clock, as BullMQ
   * would fire them (its queue is not needed: no job here steps aside).
   */
  const runDueJobs = async () => {
    const processor = new DeadlineProcessor(
      api.store,
      {} as DeadlineJobs,
      api.config,
      new SchedulerClock(),
    );
    const due = (await plan()).wanted.filter((job) => Date.parse(job.dueAt) <= Date.now());
    const outcomes = [];
    for (const { jobId, ...data } of due) {
      outcomes.push(await processor.process({ id: jobId, data } as unknown as Job<never>));
    }
    return { due: due.map((job) => job.jobId), outcomes };
  };
  const seen = (body: any) => {
    if (body.position) position = body.position;
    return body;
  };

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_contract_life');
    api = await startHttpApi({
      EVENT_STORE: 'postgres',
      DATABASE_URL: database.url,
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
    });
    ({ tenderId } = await openedTender(api, {
      acme: 6_000_000,
      birch: 6_400_000,
      cedar: 7_000_000,
    }));
    await evaluateAndAward(api, tenderId, {
      scores: { acme: { quality: 8, 'social-value': 7 }, birch: { quality: 6, 'social-value': 6 } },
      excluded: 'cedar',
      winner: 'acme',
    });
    await passStandstill(api, tenderId);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  it('a £6m contract is refused without three KPIs (s.52), a pilot without an audit plan', async () => {
    const period = { startDate: START, endDate: END };
    const noKpis = await alice().post(`${base()}/contract`, { period, pilot: true });
    expect(noKpis.status).toBe(422);
    expect(noKpis.body).toMatchObject({
      code: 'KPIS_REQUIRED',
      details: { threshold: 5_000_000, minimum: 3, kpis: 0 },
    });
    const noPlan = await alice().post(`${base()}/contract`, {
      period,
      pilot: true,
      kpis: MONTHLY_KPIS,
    });
    expect(noPlan.status).toBe(422);
    expect(noPlan.body).toMatchObject({
      code: 'AUDIT_PLAN_REQUIRED',
      details: { problems: ['auditPlan is missing'] },
    });
    const concluded = seen(
      expectStatus(
        await alice().post(`${base()}/contract`, {
          period,
          pilot: true,
          kpis: MONTHLY_KPIS,
          auditPlan: PLAN,
        }),
        201,
      ),
    );
    expect(concluded.recorded).toEqual(['ContractConcluded']);
    // The buyer's officers and oversight hear of missed duties on a webhook of their own.
    for (const user of ['officer-alice', 'auditor-ada'] as const) {
      const hook = expectStatus(
        await api.as(user).put('/webhook', { url: 'http://127.0.0.1:9/hook' }),
        200,
      );
      expect(hook.secret).toEqual(expect.any(String));
    }
    const view = expectStatus(await api.as('supplier-birch').get(`${base()}/contract`), 200);
    expect(view).toMatchObject({
      status: 'active',
      pilot: true,
      maximumTermMonths: 12,
      value: { amount: 6_000_000, currency: 'GBP' },
      period,
    });
    expect(view.kpis.map((kpi: any) => kpi.kpiId)).toEqual([
      'availability',
      'retrieval',
      'retention',
    ]);
    expect(view.kpis[0].periods[0]).toMatchObject({ dueDate: FIRST_DUE, status: 'pending' });
  });

  it('the 12-month extension: refused without an audit plan, then as "not substantial" (100 % of the term), then lawful', async () => {
    // Meanwhile the buyer re-runs the competition for the same need.
    const retender = expectStatus(
      await alice().post('/tenders', noticeTerms(api.clock.now(), { evaluatorCount: 2 })),
      201,
    );
    retenderId = retender.tenderId;

    const noPlan = await alice().post(`${base()}/contract/changes`, {
      ...EXTENSION,
      basis: { kind: 'permitted', ground: 'unforeseeable-circumstances' },
    });
    expect(noPlan.status).toBe(422);
    expect(noPlan.body.code).toBe('AUDIT_PLAN_REQUIRED');

    const notSubstantial = await alice().post(`${base()}/contract/changes`, {
      ...EXTENSION,
      auditPlan: EXTENSION_PLAN,
      basis: { kind: 'not-substantial', declaresNoMaterialChange: true },
    });
    expect(notSubstantial.status).toBe(422);
    expect(notSubstantial.body).toMatchObject({
      code: 'MODIFICATION_NOT_PERMITTED',
      details: {
        test: 'term-within-10-percent-of-maximum-term',
        limit: 10,
        actual: 100,
        reference: 'Procurement Act 2023 s.74(3)(a)',
      },
    });

    expectStatus(
      await alice().post(`${base()}/contract/changes`, {
        ...EXTENSION,
        auditPlan: EXTENSION_PLAN,
        basis: { kind: 'permitted', ground: 'unforeseeable-circumstances' },
      }),
      201,
    );
    const approved = seen(
      expectStatus(
        await api.as('officer-bob').post(`${base()}/contract/changes/pilot-extension/approval`),
        200,
      ),
    );
    expect(approved.recorded).toEqual(['ContractChangeApproved', 'ContractChangeNoticePublished']);
    const view = expectStatus(await alice().get(`${base()}/contract`), 200);
    expect(view).toMatchObject({
      value: { amount: 6_500_000, currency: 'GBP' },
      period: { startDate: START, endDate: dayBefore(firstOfMonth(-20)) },
      addedMonths: 12,
      addedMonthsPercentOfMaximumTerm: 100,
    });
    expect(view.changes[0]).toMatchObject({
      changeId: 'pilot-extension',
      status: 'in-force',
      basis: { kind: 'permitted', ground: 'unforeseeable-circumstances' },
    });
    // The red-flag thresholds still flag what the law permits.
    expect(view.redFlags.map((f: any) => f.key)).toContain(
      'FT-CONTRACT-CHANGE/pilot-extension/CHANGE_TIME',
    );
  });

  it('the scheduler plans each checkpoint and assessment once; the missed checkpoint and the overdue assessment are recorded and flagged', async () => {
    const planned = (await plan()).wanted.map((job) => job.jobId);
    expect(new Set(planned).size).toBe(planned.length);
    for (const id of ['cp-missed', 'cp-reviewed', 'cp-later', 'ext-review']) {
      expect(planned.filter((jobId) => jobId === `${tenderId}:checkpoint:${id}`)).toHaveLength(1);
    }
    expect(planned).toContain(`${tenderId}:assessment:availability:${FIRST_DUE}`);

    const first = await runDueJobs();
    expect(first.due).toContain(`${tenderId}:checkpoint:cp-missed`);
    expect(first.due).not.toContain(`${tenderId}:checkpoint:cp-reviewed`);
    expect(first.outcomes.every((o: any) => o.outcome === 'closed')).toBe(true);
    const events = await tenderEvents();
    expect(
      events
        .filter((e) => e.type === 'AuditCheckpointMissed')
        .map((e) => (e.data as any).checkpointId),
    ).toEqual(['cp-missed']);
    expect(
      events.filter(
        (e) =>
          e.type === 'PerformanceAssessmentOverdue' &&
          (e.data as any).kpiId === 'availability' &&
          (e.data as any).dueDate === FIRST_DUE,
      ),
    ).toHaveLength(1);
    // Done jobs are no longer wanted; planning and running again records nothing more.
    const again = await runDueJobs();
    expect(again.due).toEqual([]);
    expect((await tenderEvents()).length).toBe(events.length);
    position = formatPosition(events[events.length - 1].position);

    // The oversight body reviews the next checkpoint in time: its job goes, nothing is flagged.
    const review = {
      outcome: 'satisfactory',
      findings: 'Retention logs complete for every camera',
      reportUrl: 'https://oversight.example/reports/pilot/cp-reviewed',
    };
    expectStatus(
      await alice().post(`${base()}/contract/checkpoints/cp-reviewed/review`, review),
      403,
    );
    seen(
      expectStatus(
        await api
          .as('auditor-ada')
          .post(`${base()}/contract/checkpoints/cp-reviewed/review`, review),
        201,
      ),
    );
    expect((await plan()).unwanted).toContain(`${tenderId}:checkpoint:cp-reviewed`);

    const flags = expectStatus(
      await api
        .as('auditor-ada')
        .get(`/integrity/red-flags?tenderId=${tenderId}&limit=100`, { 'x-min-position': position }),
      200,
    ).items;
    const byCode = (code: string) => flags.filter((f: any) => f.code === code);
    expect(byCode('FT-AUDIT-CHECKPOINT').map((f: any) => f.evidence.checkpointId)).toEqual([
      'cp-missed',
    ]);
    expect(byCode('FT-AUDIT-CHECKPOINT')[0].evidence).toMatchObject({
      outcome: 'missed',
      oversightBodyId: 'oversight',
    });
    expect(byCode('FT-EXTENSION-DURING-RETENDER')[0].evidence).toMatchObject({
      tenderId,
      openTenderId: retenderId,
      changeId: 'pilot-extension',
      sharedCpvCodes: ['35125300-2'],
    });
    expect(
      byCode('FT-PERFORMANCE-OVERDUE').some(
        (f: any) => f.evidence.kpiId === 'availability' && f.evidence.dueDate === FIRST_DUE,
      ),
    ).toBe(true);
  });

  it('the contract is terminated with a reason; the notice is published and its jobs close', async () => {
    const terminated = seen(
      expectStatus(
        await alice().post(`${base()}/contract/termination`, {
          reason: 'breach',
          details: 'Camera availability stayed below target and a review checkpoint was missed',
        }),
        201,
      ),
    );
    expect(terminated.recorded).toEqual([
      'ContractTerminated',
      'ContractTerminationNoticePublished',
    ]);
    const closed = await plan();
    expect(closed.wanted).toEqual([]);
    expect(closed.unwanted).toEqual(
      expect.arrayContaining([
        `${tenderId}:checkpoint:cp-later`,
        `${tenderId}:checkpoint:ext-review`,
      ]),
    );
    const view = expectStatus(await alice().get(`${base()}/contract`), 200);
    expect(view).toMatchObject({ status: 'terminated', terminated: { reason: 'breach' } });
    // Valid against the official OCDS schemas (../shared/ocds), releases and record alike.
    const { compiledRelease } = await expectValidOcds(api.baseUrl, tenderId, {
      minPosition: position,
    });
    const [contract] = compiledRelease.contracts;
    expect(contract.status).toBe('terminated');
    expect(contract.period).toMatchObject({ startDate: `${START}T00:00:00.000Z` });
    expect(contract.description).toContain('Camera availability');
    const refused = await alice().post(`${base()}/contract/assessments`, {
      kpiId: 'availability',
      dueDate: FIRST_DUE,
      rating: 'good',
      evidence: 'Late data',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CONTRACT_TERMINATED');
  });

  it('legal replay holds every contract event of the tender stream', async () => {
    const history = expectStatus(
      await api.as('auditor-ada').get(`${base()}/history?limit=200`),
      200,
    );
    const types = history.items.map((e: any) => e.type);
    for (const type of [
      'ContractConcluded',
      'ContractChangeNoticePublished',
      'AuditCheckpointMissed',
      'PerformanceAssessmentOverdue',
      'OversightReviewRecorded',
      'ContractTerminationNoticePublished',
    ]) {
      expect(types).toContain(type);
    }
    const state = expectStatus(
      await api.as('auditor-ada').get(`${base()}/state?position=${position}`),
      200,
    );
    expect(state.tender.contract).toMatchObject({
      terminated: { reason: 'breach' },
      checkpoints: { 'cp-missed': { missedAt: expect.any(String) } },
    });
  });
});
