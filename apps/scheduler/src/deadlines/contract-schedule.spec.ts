import {
  DEFAULT_CONTRACT_RULES,
  SCHEDULER_ACTOR,
  type NoticeTerms,
  type TenderEvent,
} from '@fairtender/domain';
import {
  assessmentJobId,
  changeEffectiveJobId,
  checkpointJobId,
  contractJobCommand,
} from './contract-schedule';
import { foldSchedule, planSchedule } from './deadline-schedule';

const T = 'c3e1a5b2-7d4f-4c1e-8f0a-1b2c3d4e5f61';
const terms = {
  clarificationDeadline: '2025-03-24T12:00:00.000Z',
  submissionDeadline: '2025-03-31T12:00:00.000Z',
} as NoticeTerms;
const kpi = (kpiId: string, frequencyMonths: number) => ({
  kpiId,
  name: kpiId,
  measure: 'm',
  target: 't',
  frequencyMonths,
});
const concluded: TenderEvent[] = [
  {
    type: 'TenderDrafted',
    data: { tenderId: T, buyerOrganisationId: 'org', terms, draftedAt: '2025-03-01T00:00:00Z' },
  },
  {
    type: 'ContractConcluded',
    data: {
      contractId: 'c-1',
      supplierId: 's',
      value: { amount: 200_000, currency: 'GBP' },
      period: { startDate: '2025-05-01', endDate: '2026-04-30' },
      concludedAt: '2025-04-28T09:00:00.000Z',
      concludedBy: 'u',
      kpis: [kpi('k1', 6), kpi('k2', 12)],
      pilot: true,
      auditPlan: {
        oversightBodyId: 'oversight',
        publicationUrl: 'https://oversight.example/r',
        checkpoints: [{ checkpointId: 'cp-1', dueDate: '2025-10-31', description: 'Review' }],
        kpiIds: [],
      },
    },
  },
];
const ids = (events: TenderEvent[]) => {
  const plan = planSchedule(foldSchedule(events), DEFAULT_CONTRACT_RULES)!;
  return { wanted: plan.wanted.map((job) => job.jobId).sort(), unwanted: plan.unwanted.sort() };
};

describe('contract deadlines (issue 15): one job per due assessment, checkpoint and standstill', () => {
  it('plans each due assessment and checkpoint once, with a job id fixed by what it is about', () => {
    const plan = planSchedule(foldSchedule(concluded), DEFAULT_CONTRACT_RULES)!;
    expect(plan.wanted).toEqual(
      expect.arrayContaining([
        {
          jobId: assessmentJobId(T, 'k1', '2025-10-31'),
          tenderId: T,
          kind: 'assessment-overdue',
          kpiId: 'k1',
          dueDate: '2025-10-31',
          dueAt: '2025-12-01T00:00:00.000Z',
        },
        {
          jobId: checkpointJobId(T, 'cp-1'),
          tenderId: T,
          kind: 'checkpoint-missed',
          checkpointId: 'cp-1',
          dueAt: '2025-11-01T00:00:00.000Z',
        },
      ]),
    );
    expect(ids(concluded).wanted).toEqual(
      [
        assessmentJobId(T, 'k1', '2025-10-31'),
        assessmentJobId(T, 'k1', '2026-04-30'),
        assessmentJobId(T, 'k2', '2026-04-30'),
        checkpointJobId(T, 'cp-1'),
      ].sort(),
    );
    // Planned again (every batch, every reconciliation): the same ids, nothing more.
    expect(ids([...concluded, ...concluded.slice(1, 1)])).toEqual(ids(concluded));
    expect(new Set(ids(concluded).wanted).size).toBe(ids(concluded).wanted.length);
  });

  it('an assessment recorded in time, a checkpoint reviewed: their jobs go; one marked overdue is left alone', () => {
    const events: TenderEvent[] = [
      ...concluded,
      {
        type: 'PerformanceAssessed',
        data: {
          kpiId: 'k1',
          dueDate: '2025-10-31',
          rating: 'good',
          evidence: 'e',
          assessedBy: 'u',
          assessedAt: '2025-11-02T00:00:00.000Z',
        },
      },
      {
        type: 'OversightReviewRecorded',
        data: {
          checkpointId: 'cp-1',
          outcome: 'satisfactory',
          findings: 'f',
          reportUrl: 'https://oversight.example/r/1',
          reviewedBy: 'a',
          oversightBodyId: 'oversight',
          reviewedAt: '2025-10-30T00:00:00.000Z',
        },
      },
      {
        type: 'PerformanceAssessmentOverdue',
        data: { contractId: 'c-1', kpiId: 'k2', dueDate: '2026-04-30', recordedAt: 'x' },
      },
    ];
    expect(ids(events)).toEqual({
      wanted: [assessmentJobId(T, 'k1', '2026-04-30')],
      unwanted: [assessmentJobId(T, 'k1', '2025-10-31'), checkpointJobId(T, 'cp-1')].sort(),
    });
  });

  it('an extension in force adds the new periods’ assessments; its standstill is a job of its own', () => {
    const notice: TenderEvent = {
      type: 'ContractChangeNoticePublished',
      data: {
        changeId: 'chg-1',
        kind: 'extension',
        description: 'd',
        justification: 'j',
        addedValue: { amount: 0, currency: 'GBP' },
        addedMonths: 12,
        changeNumber: 1,
        value: { amount: 200_000, currency: 'GBP' },
        period: { startDate: '2025-05-01', endDate: '2027-04-30' },
        redFlags: [],
        publishedAt: '2026-03-04T14:00:00.000Z',
        standstillEndsAt: '2026-03-14T00:00:00.000Z',
      },
    };
    const requested: TenderEvent = {
      type: 'ContractChangeRequested',
      data: {
        ...notice.data,
        requestedBy: 'u',
        requestedAt: '2026-03-02T00:00:00.000Z',
      } as never,
    };
    const inStandstill = [...concluded, requested, notice];
    expect(ids(inStandstill).wanted).toContain(changeEffectiveJobId(T, 'chg-1'));
    expect(ids(inStandstill).wanted).not.toContain(assessmentJobId(T, 'k2', '2027-04-30'));
    const effective: TenderEvent = {
      type: 'ContractChangeTookEffect',
      data: {
        changeId: 'chg-1',
        changeNumber: 1,
        value: { amount: 200_000, currency: 'GBP' },
        period: { startDate: '2025-05-01', endDate: '2027-04-30' },
        at: '2026-03-14T00:00:00.000Z',
      },
    };
    const after = ids([...inStandstill, effective]).wanted;
    expect(after).not.toContain(changeEffectiveJobId(T, 'chg-1'));
    expect(after).toContain(assessmentJobId(T, 'k2', '2027-04-30'));
    expect(after).toContain(assessmentJobId(T, 'k1', '2026-10-31'));
  });

  it('a termination closes every job not yet done', () => {
    const terminated: TenderEvent = {
      type: 'ContractTerminated',
      data: {
        contractId: 'c-1',
        reason: 'breach',
        details: 'd',
        terminatedBy: 'u',
        terminatedAt: '2025-09-01T10:00:00.000Z',
      },
    };
    expect(ids([...concluded, terminated])).toEqual({
      wanted: [],
      unwanted: ids(concluded).wanted,
    });
  });

  it('issues the domain command as the scheduler', () => {
    const now = new Date('2025-12-01T00:00:00.000Z');
    expect(
      contractJobCommand(
        { tenderId: T, kind: 'assessment-overdue', kpiId: 'k1', dueDate: '2025-10-31', dueAt: 'x' },
        now,
        DEFAULT_CONTRACT_RULES,
      ),
    ).toEqual({
      type: 'MarkAssessmentOverdue',
      actor: SCHEDULER_ACTOR,
      now,
      kpiId: 'k1',
      dueDate: '2025-10-31',
      rules: DEFAULT_CONTRACT_RULES,
    });
  });
});
