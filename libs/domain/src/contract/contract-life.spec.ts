import type { TenderViewEvent } from '../tender/tender-view';
import { given } from '../shared/testing';
import { SCHEDULER_ACTOR, type Actor } from '../shared/actor';
import { upcast } from '../tender/event-schemas';
import { after, inStandstill } from '../testing/evaluation-fixtures';
import { officer, secondOfficer, supplier } from '../testing/notice-fixtures';
import type { ContractCommand } from './commands';
import { contractDecider } from './decide';
import type { AuditPlan, ContractChange, Kpi } from '../tender/events/contract';
import { DEFAULT_CHANGE_THRESHOLDS, DEFAULT_CONTRACT_RULES } from './thresholds';
import { kpiDueDates } from './performance';
import { voluntaryStandstillEnd } from './contract-changes';
import { contractView } from './contract-view';
import { DEFAULT_STANDSTILL_RULES } from '../shared/calendar/working-day-rules';

const CONCLUDED_AT = '2025-04-28T09:00:00.000Z';
const auditor: Actor = { userId: 'u-ada', organisationId: 'org-oversight', role: 'auditor' };
const otherAuditor: Actor = { userId: 'u-abe', organisationId: 'org-elsewhere', role: 'auditor' };
const kpi = (kpiId: string, frequencyMonths = 6): Kpi => ({
  kpiId,
  name: `KPI ${kpiId}`,
  measure: 'cameras available, % of shift hours',
  target: '98 %',
  frequencyMonths,
});
const KPIS = [kpi('k1'), kpi('k2'), kpi('k3', 12)];
const plan = (checkpointId = 'cp-1', dueDate = '2025-10-31'): AuditPlan => ({
  oversightBodyId: 'org-oversight',
  publicationUrl: 'https://oversight.example/reports',
  checkpoints: [{ checkpointId, dueDate, description: 'Six-month review of the pilot' }],
  kpiIds: [],
});
type Conclude = Extract<ContractCommand, { type: 'ConcludeContract' }>;
/** The seeds' pilot: 12 months at £200,000. */
const conclude = (extra: Partial<Conclude> = {}): ContractCommand => ({
  type: 'ConcludeContract',
  actor: officer,
  now: new Date(CONCLUDED_AT),
  contractId: 'c-1',
  period: { startDate: '2025-05-01', endDate: '2026-04-30' },
  ...extra,
});
const pilot = (extra: Partial<Conclude> = {}) =>
  after(contractDecider, inStandstill(), conclude({ pilot: true, auditPlan: plan(), ...extra }));
const extension = (change: Partial<ContractChange> = {}): ContractChange => ({
  changeId: 'chg-1',
  kind: 'extension',
  description: 'Extend the pilot by 12 months',
  justification: 'The force needs the cameras until the national framework is in place',
  addedValue: { amount: 15_000, currency: 'GBP' },
  addedMonths: 12,
  basis: { kind: 'permitted', ground: 'unforeseeable-circumstances' },
  auditPlan: plan('cp-ext', '2026-10-31'),
  ...change,
});
const request = (change: Partial<ContractChange> = {}): ContractCommand => ({
  type: 'RequestContractChange',
  actor: officer,
  now: new Date('2026-03-02T09:00:00.000Z'),
  change: extension(change),
});
const approve = (changeId = 'chg-1', now = '2026-03-04T14:00:00.000Z'): ContractCommand => ({
  type: 'ApproveContractChange',
  actor: secondOfficer,
  now: new Date(now),
  changeId,
  thresholds: DEFAULT_CHANGE_THRESHOLDS,
});
const changed = (history: TenderViewEvent[], ...changes: Partial<ContractChange>[]) =>
  changes.reduce<TenderViewEvent[]>(
    (events, change) => after(contractDecider, events, request(change), approve(change.changeId)),
    history,
  );
const stateOf = (history: TenderViewEvent[]) => given(contractDecider, history).state();

describe('contract term (issue 15)', () => {
  it('records the maximum term when it says more than the period, and OCDS reads it', () => {
    given(contractDecider, inStandstill())
      .when(conclude({ maximumTermMonths: 24 }))
      .then([
        expect.objectContaining({
          type: 'ContractConcluded',
          data: expect.objectContaining({ maximumTermMonths: 24 }),
        }),
      ] as never);
  });

  it('refuses a maximum term shorter than the period: INVALID_CONTRACT', () => {
    given(contractDecider, inStandstill())
      .when(conclude({ maximumTermMonths: 6 }))
      .thenFails('INVALID_CONTRACT', { field: 'maximumTermMonths', initialMonths: 12 });
  });

  it('reads a v1 contract as one whose term on award is its period, without KPIs, not a pilot', () => {
    const v1 = {
      contractId: 'c-1',
      supplierId: 's',
      value: { amount: 1, currency: 'GBP' },
      period: { startDate: '2025-05-01', endDate: '2026-04-30' },
      concludedAt: CONCLUDED_AT,
      concludedBy: 'u',
    };
    expect(upcast('ContractConcluded', 1, v1).data).toEqual({
      ...v1,
      maximumTermMonths: 12,
      kpis: [],
      pilot: false,
    });
    expect(upcast('ContractChangeRequested', 1, { changeId: 'x' }).data).toEqual({
      changeId: 'x',
      basis: { kind: 'not-stated' },
      voluntaryStandstill: false,
    });
  });
});

describe('KPIs (PA 2023 s.52)', () => {
  const rules = { ...DEFAULT_CONTRACT_RULES, kpiValueThreshold: 100_000 };

  it('above the configured value, fewer than three KPIs are refused: KPIS_REQUIRED', () => {
    given(contractDecider, inStandstill())
      .when(conclude({ rules, kpis: KPIS.slice(0, 2) }))
      .thenFails('KPIS_REQUIRED', { threshold: 100_000, minimum: 3, kpis: 2 });
  });

  it('above it with three KPIs, and below it without any, the contract is concluded', () => {
    given(contractDecider, inStandstill())
      .when(conclude({ rules, kpis: KPIS }))
      .then([expect.objectContaining({ data: expect.objectContaining({ kpis: KPIS }) })] as never);
    const [event] = contractDecider.decide(conclude(), stateOf(inStandstill()));
    expect(event.data).not.toHaveProperty('kpis');
  });

  it('refuses a KPI assessed less often than every 12 months: INVALID_CONTRACT', () => {
    given(contractDecider, inStandstill())
      .when(conclude({ kpis: [kpi('k1', 13)] }))
      .thenFails('INVALID_CONTRACT', { field: 'kpis' });
  });
});

describe('audit plans (issue 15)', () => {
  it('refuses a pilot without an audit plan, or with an incomplete one: AUDIT_PLAN_REQUIRED', () => {
    given(contractDecider, inStandstill())
      .when(conclude({ pilot: true }))
      .thenFails('AUDIT_PLAN_REQUIRED', { problems: ['auditPlan is missing'] });
    given(contractDecider, inStandstill())
      .when(conclude({ pilot: true, auditPlan: { ...plan(), publicationUrl: 'nowhere' } }))
      .thenFails('AUDIT_PLAN_REQUIRED');
    given(contractDecider, inStandstill())
      .when(conclude({ pilot: true, auditPlan: { ...plan(), checkpoints: [] } }))
      .thenFails('AUDIT_PLAN_REQUIRED', {
        problems: ['the plan reviews KPIs or dated checkpoints'],
      });
  });

  it('refuses an extension without an audit plan: AUDIT_PLAN_REQUIRED', () => {
    given(contractDecider, pilot())
      .when(request({ auditPlan: undefined }))
      .thenFails('AUDIT_PLAN_REQUIRED', { problems: ['auditPlan is missing'] });
  });

  it('refuses any change of a pilot without one, even one adding no time', () => {
    given(contractDecider, pilot())
      .when(request({ kind: 'modification', addedMonths: 0, auditPlan: undefined }))
      .thenFails('AUDIT_PLAN_REQUIRED');
  });

  it('the oversight body reviews a checkpoint; another body or role cannot', () => {
    const review = (actor: Actor): ContractCommand => ({
      type: 'RecordOversightReview',
      actor,
      now: new Date('2025-10-30T10:00:00.000Z'),
      checkpointId: 'cp-1',
      outcome: 'failed',
      findings: 'No availability data was kept for August',
      reportUrl: 'https://oversight.example/reports/cp-1',
    });
    given(contractDecider, pilot()).when(review(otherAuditor)).thenFails('NOT_YOUR_ORGANISATION');
    given(contractDecider, pilot()).when(review(officer)).thenFails('ROLE_NOT_ALLOWED');
    given(contractDecider, pilot())
      .when(review(auditor))
      .then([
        {
          type: 'OversightReviewRecorded',
          data: {
            checkpointId: 'cp-1',
            outcome: 'failed',
            findings: 'No availability data was kept for August',
            reportUrl: 'https://oversight.example/reports/cp-1',
            reviewedBy: auditor.userId,
            oversightBodyId: 'org-oversight',
            reviewedAt: '2025-10-30T10:00:00.000Z',
          },
        },
      ]);
    const reviewed = after(contractDecider, pilot(), review(auditor));
    given(contractDecider, reviewed)
      .when(review(auditor))
      .thenFails('REVIEW_ALREADY_RECORDED', { checkpointId: 'cp-1' });
  });

  it('a checkpoint not reviewed by the end of its day is missed (the scheduler); not before', () => {
    const missed = (now: string): ContractCommand => ({
      type: 'MarkCheckpointMissed',
      actor: SCHEDULER_ACTOR,
      now: new Date(now),
      checkpointId: 'cp-1',
    });
    given(contractDecider, pilot())
      .when(missed('2025-10-31T23:00:00.000Z'))
      .thenFails('DEADLINE_NOT_REACHED');
    given(contractDecider, pilot())
      .when(missed('2025-11-01T00:00:00.000Z'))
      .then([
        {
          type: 'AuditCheckpointMissed',
          data: {
            checkpointId: 'cp-1',
            dueDate: '2025-10-31',
            oversightBodyId: 'org-oversight',
            recordedAt: '2025-11-01T00:00:00.000Z',
          },
        },
      ]);
    const done = after(contractDecider, pilot(), missed('2025-11-01T00:00:00.000Z'));
    given(contractDecider, done).when(missed('2025-11-02T00:00:00.000Z')).then([]);
    given(contractDecider, pilot())
      .when({ ...missed('2025-11-01T00:00:00.000Z'), actor: officer })
      .thenFails('ROLE_NOT_ALLOWED');
  });
});

describe('lawful modifications (PA 2023 s.74, Sch. 8)', () => {
  it('a 12-month extension of a 12-month pilot as "not substantial" moves the term by 100 %: MODIFICATION_NOT_PERMITTED', () => {
    given(contractDecider, pilot())
      .when(request({ basis: { kind: 'not-substantial', declaresNoMaterialChange: true } }))
      .thenFails('MODIFICATION_NOT_PERMITTED', {
        changeId: 'chg-1',
        test: 'term-within-10-percent-of-maximum-term',
        limit: 10,
        actual: 100,
      });
  });

  it('counts every earlier change: one month passes, a second does not (2 of 12 > 10 %)', () => {
    const oneMonth = {
      basis: { kind: 'not-substantial' as const, declaresNoMaterialChange: true as const },
      addedMonths: 1,
      addedValue: { amount: 0, currency: 'GBP' },
    };
    const first = changed(pilot(), { ...oneMonth, changeId: 'chg-1', auditPlan: plan('a') });
    given(contractDecider, first)
      .when(request({ ...oneMonth, changeId: 'chg-2', auditPlan: plan('b') }))
      .thenFails('MODIFICATION_NOT_PERMITTED', { actual: 16.67, limit: 10 });
  });

  it('measures the term against the maximum term on award, extension options included', () => {
    given(contractDecider, pilot({ maximumTermMonths: 120 }))
      .when(
        request({
          basis: { kind: 'not-substantial', declaresNoMaterialChange: true },
          addedMonths: 12,
        }),
      )
      .then([expect.objectContaining({ type: 'ContractChangeRequested' })] as never);
  });

  it('needs the declaration of s.74(3)(b)-(c) for "not substantial": INVALID_CHANGE', () => {
    given(contractDecider, pilot())
      .when(request({ basis: { kind: 'not-substantial' } as never }))
      .thenFails('INVALID_CHANGE');
    given(contractDecider, pilot())
      .when(request({ basis: undefined }))
      .thenFails('INVALID_CHANGE');
    given(contractDecider, pilot())
      .when(request({ basis: { kind: 'permitted', ground: 'because' } as never }))
      .thenFails('INVALID_CHANGE');
  });

  it('below threshold: 10 % of the value for services, cumulatively', () => {
    const below = {
      kind: 'modification' as const,
      addedMonths: 0,
      basis: { kind: 'below-threshold' as const },
    };
    const first = changed(pilot(), {
      ...below,
      changeId: 'chg-1',
      addedValue: { amount: 15_000, currency: 'GBP' },
      auditPlan: plan('a'),
    });
    given(contractDecider, first)
      .when(
        request({
          ...below,
          changeId: 'chg-2',
          addedValue: { amount: 10_000, currency: 'GBP' },
          auditPlan: plan('b'),
        }),
      )
      .thenFails('MODIFICATION_NOT_PERMITTED', {
        test: 'value-within-10-percent',
        limit: 10,
        actual: 12.5,
      });
  });

  it('a Schedule 8 ground with a 50 % cap refuses more: value-increase-within-50-percent', () => {
    given(contractDecider, pilot())
      .when(request({ addedValue: { amount: 120_000, currency: 'GBP' } }))
      .thenFails('MODIFICATION_NOT_PERMITTED', {
        test: 'value-increase-within-50-percent',
        limit: 50,
        actual: 60,
      });
    given(contractDecider, pilot())
      .when(
        request({
          addedValue: { amount: 120_000, currency: 'GBP' },
          basis: { kind: 'permitted', ground: 'provided-for-in-contract' },
        }),
      )
      .then([expect.objectContaining({ type: 'ContractChangeRequested' })] as never);
  });

  it('checks again at approval, after other changes were approved', () => {
    const oneMonth = {
      basis: { kind: 'not-substantial' as const, declaresNoMaterialChange: true as const },
      addedMonths: 1,
      addedValue: { amount: 0, currency: 'GBP' },
    };
    const both = after(
      contractDecider,
      pilot(),
      request({ ...oneMonth, changeId: 'chg-1', auditPlan: plan('a') }),
      request({ ...oneMonth, changeId: 'chg-2', auditPlan: plan('b') }),
      approve('chg-1'),
    );
    given(contractDecider, both)
      .when(approve('chg-2'))
      .thenFails('MODIFICATION_NOT_PERMITTED', { changeId: 'chg-2' });
  });
});

describe('voluntary standstill (PA 2023 s.76)', () => {
  const requested = after(contractDecider, pilot(), request({ voluntaryStandstill: true }));
  const published = after(contractDecider, requested, approve());
  const ENDS = voluntaryStandstillEnd(
    new Date('2026-03-04T14:00:00.000Z'),
    DEFAULT_STANDSTILL_RULES,
  );
  const bring = (now: string): ContractCommand => ({
    type: 'BringChangeIntoEffect',
    actor: SCHEDULER_ACTOR,
    now: new Date(now),
    changeId: 'chg-1',
  });

  it('ends with the 8th working day beginning with the day of publication', () => {
    // Wed 4 March 2026: 4, 5, 6, 9, 10, 11, 12, 13 March; ends at midnight UK time (GMT).
    expect(ENDS).toBe('2026-03-14T00:00:00.000Z');
  });

  it('the notice is published first; the change takes effect when the scheduler ends the standstill', () => {
    expect(published.at(-1)).toMatchObject({
      type: 'ContractChangeNoticePublished',
      data: { standstillEndsAt: ENDS, period: { endDate: '2027-04-30' } },
    });
    expect(stateOf(published).tender.contract!.period.endDate).toBe('2026-04-30');
    given(contractDecider, published)
      .when(bring('2026-03-13T23:59:00.000Z'))
      .thenFails('DEADLINE_NOT_REACHED', { deadline: ENDS });
    given(contractDecider, published)
      .when(bring(ENDS))
      .then([
        {
          type: 'ContractChangeTookEffect',
          data: {
            changeId: 'chg-1',
            changeNumber: 1,
            value: { amount: 215_000, currency: 'GBP' },
            period: { startDate: '2025-05-01', endDate: '2027-04-30' },
            at: ENDS,
          },
        },
      ]);
    const effective = after(contractDecider, published, bring(ENDS));
    expect(stateOf(effective).tender.contract!.period.endDate).toBe('2027-04-30');
    given(contractDecider, effective).when(bring(ENDS)).then([]);
  });

  it('a change without a standstill cannot be brought into effect: CHANGE_NOT_IN_STANDSTILL', () => {
    given(contractDecider, changed(pilot(), {})).when(bring(ENDS)).then([]);
    given(contractDecider, after(contractDecider, pilot(), request()))
      .when(bring(ENDS))
      .thenFails('CHANGE_NOT_IN_STANDSTILL');
  });
});

describe('performance assessments (PA 2023 s.71, UK9)', () => {
  const withKpis = after(
    contractDecider,
    inStandstill(),
    conclude({ kpis: [kpi('k1', 6), kpi('k2', 6)] }),
  );
  const assess = (kpiId: string, dueDate = '2025-10-31', actor = officer): ContractCommand => ({
    type: 'RecordPerformanceAssessment',
    actor,
    now: new Date('2025-11-05T10:00:00.000Z'),
    kpiId,
    dueDate,
    rating: 'approaching-target',
    evidence: 'Availability 96.1 % over the period',
    supplierResponse: 'Two cameras were replaced late',
  });

  it('falls due at the end of each period of its frequency, within the contract period', () => {
    expect(kpiDueDates(stateOf(withKpis).tender.contract!, kpi('k1', 6))).toEqual([
      '2025-10-31',
      '2026-04-30',
    ]);
  });

  it('refuses a date that is not due, an unknown KPI, a second assessment', () => {
    given(contractDecider, withKpis)
      .when(assess('k1', '2025-09-30'))
      .thenFails('ASSESSMENT_NOT_DUE', { dueDates: ['2025-10-31', '2026-04-30'] });
    given(contractDecider, withKpis).when(assess('k9')).thenFails('KPI_NOT_FOUND');
    given(contractDecider, after(contractDecider, withKpis, assess('k1')))
      .when(assess('k1'))
      .thenFails('ASSESSMENT_ALREADY_RECORDED');
    given(contractDecider, withKpis)
      .when(assess('k1', undefined, supplier))
      .thenFails('ROLE_NOT_ALLOWED');
  });

  it('publishes the period’s contract performance notice once every KPI due is assessed', () => {
    const first = after(contractDecider, withKpis, assess('k1'));
    expect(first.slice(withKpis.length).map((e) => e.type)).toEqual(['PerformanceAssessed']);
    const events = contractDecider.decide(assess('k2'), stateOf(first));
    expect(events.map((e) => e.type)).toEqual([
      'PerformanceAssessed',
      'ContractPerformanceNoticePublished',
    ]);
    expect(events[1].data).toMatchObject({
      contractId: 'c-1',
      dueDate: '2025-10-31',
      assessments: [
        {
          kpiId: 'k1',
          rating: 'approaching-target',
          supplierResponse: 'Two cameras were replaced late',
        },
        { kpiId: 'k2', rating: 'approaching-target' },
      ],
    });
    expect(contractDecider.decide(assess('k1', '2026-04-30'), stateOf(first))).toHaveLength(1);
  });

  it('one not recorded by its due date and grace is overdue (the scheduler), once', () => {
    const overdue = (now: string): ContractCommand => ({
      type: 'MarkAssessmentOverdue',
      actor: SCHEDULER_ACTOR,
      now: new Date(now),
      kpiId: 'k1',
      dueDate: '2025-10-31',
    });
    given(contractDecider, withKpis)
      .when(overdue('2025-11-30T12:00:00.000Z'))
      .thenFails('DEADLINE_NOT_REACHED', { deadline: '2025-12-01T00:00:00.000Z' });
    given(contractDecider, withKpis)
      .when(overdue('2025-12-01T00:00:00.000Z'))
      .then([
        {
          type: 'PerformanceAssessmentOverdue',
          data: {
            contractId: 'c-1',
            kpiId: 'k1',
            dueDate: '2025-10-31',
            recordedAt: '2025-12-01T00:00:00.000Z',
          },
        },
      ]);
    const marked = after(contractDecider, withKpis, overdue('2025-12-01T00:00:00.000Z'));
    given(contractDecider, marked).when(overdue('2025-12-02T00:00:00.000Z')).then([]);
    given(contractDecider, after(contractDecider, withKpis, assess('k1')))
      .when(overdue('2025-12-01T00:00:00.000Z'))
      .then([]);
  });
});

describe('termination (PA 2023 s.80, UK11)', () => {
  const terminate = (actor = officer): Extract<ContractCommand, { type: 'TerminateContract' }> => ({
    type: 'TerminateContract',
    actor,
    now: new Date('2025-09-01T10:00:00.000Z'),
    reason: 'breach',
    details: 'The supplier failed to restore camera availability after two warnings',
  });

  it('records the termination and publishes its notice; nothing falls due after', () => {
    const withKpis = after(contractDecider, inStandstill(), conclude({ kpis: [kpi('k1', 6)] }));
    const events = contractDecider.decide(terminate(), stateOf(withKpis));
    expect(events.map((e) => e.type)).toEqual([
      'ContractTerminated',
      'ContractTerminationNoticePublished',
    ]);
    expect(events[1].data).toMatchObject({ contractId: 'c-1', reason: 'breach' });
    const ended = [...withKpis, ...events];
    expect(kpiDueDates(stateOf(ended).tender.contract!, kpi('k1', 6))).toEqual([]);
    given(contractDecider, ended).when(request()).thenFails('CONTRACT_TERMINATED');
    given(contractDecider, ended).when(terminate()).thenFails('CONTRACT_TERMINATED');
  });

  it('needs a listed reason and details; officers of the buyer only', () => {
    const contracted = after(contractDecider, inStandstill(), conclude());
    given(contractDecider, contracted)
      .when({ ...terminate(), reason: 'boredom' as never })
      .thenFails('INVALID_CONTRACT', { field: 'reason' });
    given(contractDecider, contracted)
      .when({ ...terminate(), details: 'No.' })
      .thenFails('INVALID_CONTRACT', { field: 'details' });
    given(contractDecider, contracted).when(terminate(supplier)).thenFails('ROLE_NOT_ALLOWED');
  });
});

describe('contract view (issue 15)', () => {
  it('shows the term, value after every change, KPI periods, checkpoints and the changes with their basis', () => {
    const history = changed(pilot({ kpis: [kpi('k1', 6)] }), {});
    const view = contractView(stateOf(history).tender)!;
    expect(view).toMatchObject({
      contractId: 'c-1',
      status: 'active',
      pilot: true,
      maximumTermMonths: 12,
      value: { amount: 215_000, currency: 'GBP' },
      period: { startDate: '2025-05-01', endDate: '2027-04-30' },
      addedMonths: 12,
      addedMonthsPercentOfMaximumTerm: 100,
    });
    expect(view.changes).toEqual([
      expect.objectContaining({
        changeId: 'chg-1',
        changeNumber: 1,
        status: 'in-force',
        basis: { kind: 'permitted', ground: 'unforeseeable-circumstances' },
      }),
    ]);
    expect(view.kpis[0].periods.map((p) => p.dueDate)).toEqual([
      '2025-10-31',
      '2026-04-30',
      '2026-10-31',
      '2027-04-30',
    ]);
    expect(view.checkpoints.map((c) => [c.checkpointId, c.status])).toEqual([
      ['cp-1', 'pending'],
      ['cp-ext', 'pending'],
    ]);
    expect(contractView(stateOf(inStandstill()).tender)).toBeUndefined();
  });
});
