import type { TenderViewEvent } from '../tender/tender-view';
import { integrityReport } from './integrity-report';
import { isProcurementForSameNeed } from './contract-flags';
import type { ProcurementFact, RedFlag } from './report';
import { DEFAULT_INTEGRITY_THRESHOLDS } from './thresholds';
import { later, TenderScenario } from './testing/tender-scenario';

function contracted() {
  const scenario = new TenderScenario().publish();
  scenario.bid('org-acme').bid('org-birch').close().open();
  scenario.pass('org-acme', 100_000).pass('org-birch', 150_000);
  return scenario.award('org-acme').conclude('org-acme');
}
const withEvents = (scenario: TenderScenario, ...events: TenderViewEvent[]) => {
  scenario.events.push(...events);
  return scenario;
};
const flagsOf = (scenario: TenderScenario, procurements: ProcurementFact[] = []) =>
  integrityReport(scenario.view(), DEFAULT_INTEGRITY_THRESHOLDS, {
    contractChanges: scenario.changeFlags,
    procurements,
  }).redFlags;
const only = (flags: RedFlag[], code: string) => flags.filter((f) => f.code === code);

describe('contract life red flags (issue 15)', () => {
  it('FT-PERFORMANCE-OVERDUE: each assessment the scheduler recorded overdue', () => {
    const scenario = withEvents(contracted(), {
      type: 'PerformanceAssessmentOverdue',
      data: { contractId: 'c-1', kpiId: 'k1', dueDate: '2025-11-30', recordedAt: later(200) },
    });
    expect(only(flagsOf(scenario), 'FT-PERFORMANCE-OVERDUE')).toEqual([
      {
        key: 'FT-PERFORMANCE-OVERDUE/k1/2025-11-30',
        code: 'FT-PERFORMANCE-OVERDUE',
        title: 'Contract performance assessment overdue (PA 2023 s.71)',
        supplierId: 'org-acme',
        evidence: {
          contractId: 'c-1',
          kpiId: 'k1',
          kpiName: null,
          frequencyMonths: null,
          dueDate: '2025-11-30',
          recordedOverdueAt: later(200),
          assessedLateAt: null,
        },
        raisedAt: later(200),
      },
    ]);
    expect(only(flagsOf(contracted()), 'FT-PERFORMANCE-OVERDUE')).toEqual([]);
  });

  it('FT-AUDIT-CHECKPOINT: a checkpoint missed, or reviewed as failed; not one reviewed as satisfactory', () => {
    const plan = {
      oversightBodyId: 'org-oversight',
      publicationUrl: 'https://oversight.example/reports',
      checkpoints: ['cp-1', 'cp-2', 'cp-3'].map((checkpointId) => ({
        checkpointId,
        dueDate: '2025-12-31',
        description: `Review ${checkpointId}`,
      })),
      kpiIds: [],
    };
    const scenario = new TenderScenario().publish();
    scenario.bid('org-acme').bid('org-birch').close().open();
    scenario.pass('org-acme', 100_000).pass('org-birch', 150_000);
    scenario.award('org-acme');
    const review = (checkpointId: string, outcome: 'failed' | 'satisfactory') => ({
      type: 'OversightReviewRecorded' as const,
      data: {
        checkpointId,
        outcome,
        findings: 'As reported',
        reportUrl: `https://oversight.example/reports/${checkpointId}`,
        reviewedBy: 'u-ada',
        oversightBodyId: 'org-oversight',
        reviewedAt: later(300),
      },
    });
    withEvents(
      scenario,
      {
        type: 'ContractConcluded',
        data: {
          contractId: 'c-1',
          supplierId: 'org-acme',
          value: { amount: 100_000, currency: 'GBP' },
          period: { startDate: '2025-06-01', endDate: '2026-05-31' },
          concludedAt: later(90),
          concludedBy: 'u-alice',
          pilot: true,
          auditPlan: plan,
        },
      },
      review('cp-1', 'failed'),
      review('cp-2', 'satisfactory'),
      {
        type: 'AuditCheckpointMissed',
        data: {
          checkpointId: 'cp-3',
          dueDate: '2025-12-31',
          oversightBodyId: 'org-oversight',
          recordedAt: later(310),
        },
      },
    );
    const raised = only(flagsOf(scenario), 'FT-AUDIT-CHECKPOINT');
    expect(raised.map((f) => [f.key, f.evidence.outcome])).toEqual([
      ['FT-AUDIT-CHECKPOINT/cp-1', 'failed'],
      ['FT-AUDIT-CHECKPOINT/cp-3', 'missed'],
    ]);
    expect(raised[0].evidence).toMatchObject({
      findings: 'As reported',
      reportUrl: 'https://oversight.example/reports/cp-1',
      publicationUrl: 'https://oversight.example/reports',
    });
  });

  describe('FT-EXTENSION-DURING-RETENDER', () => {
    const scenario = () => contracted().change('ch-ext', 'extension', 12, [], later(120));
    const cpv = () => scenario().view().tender.notice.terms!.cpvCodes;
    const retender = (extra: Partial<ProcurementFact> = {}): ProcurementFact => ({
      tenderId: 't-retender',
      buyerOrganisationId: scenario().view().tender.buyerOrganisationId!,
      cpvCodes: [cpv()[0]],
      openedAt: later(100),
      ...extra,
    });

    it('an extension approved while a procurement of the same buyer for the same need is open; both ids in the evidence', () => {
      const raised = only(flagsOf(scenario(), [retender()]), 'FT-EXTENSION-DURING-RETENDER');
      expect(raised).toHaveLength(1);
      expect(raised[0]).toMatchObject({
        key: 'FT-EXTENSION-DURING-RETENDER/ch-ext/t-retender',
        raisedAt: later(120),
        supplierId: 'org-acme',
        evidence: {
          tenderId: scenario().view().tender.tenderId,
          openTenderId: 't-retender',
          changeId: 'ch-ext',
          addedMonths: 12,
          sharedCpvCodes: [cpv()[0]],
        },
      });
    });

    it.each([
      ['another buyer', { buyerOrganisationId: 'org-elsewhere' }],
      ['no CPV code in common', { cpvCodes: ['03000000-1'] }],
      ['opened after the extension', { openedAt: later(130) }],
      ['ended before the extension', { endedAt: later(110) }],
    ])('not for a procurement of %s', (_case, extra) => {
      expect(only(flagsOf(scenario(), [retender(extra)]), 'FT-EXTENSION-DURING-RETENDER')).toEqual(
        [],
      );
    });

    it('not for a change that adds no time', () => {
      const modified = contracted().change('ch-mod', 'modification', 0, [], later(120));
      expect(only(flagsOf(modified, [retender()]), 'FT-EXTENSION-DURING-RETENDER')).toEqual([]);
    });

    it('the tender itself is never its own retender', () => {
      const self = { tenderId: 't-1', buyerOrganisationId: 'b', cpvCodes: ['1'] };
      expect(isProcurementForSameNeed(self, { ...self, openedAt: later(0) })).toBe(false);
    });
  });
});
