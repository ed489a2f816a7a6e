import { integrityReport } from './integrity-report';
import { DEFAULT_INTEGRITY_THRESHOLDS } from './thresholds';
import { justification, later, TenderScenario } from './testing/tender-scenario';

const report = (scenario: TenderScenario) =>
  integrityReport(scenario.view(), DEFAULT_INTEGRITY_THRESHOLDS, {
    contractChanges: scenario.changeFlags,
  });
const TEXT = justification(60);

describe('integrityReport: the tender before and after opening', () => {
  it('before opening shows only how many bids stand, nothing that names a bidder', () => {
    const scenario = new TenderScenario().publish().bid('org-acme').bid('org-birch').close();
    const sealed = report(scenario);
    expect(sealed).toMatchObject({
      tenderId: 't-cameras',
      buyerOrganisationId: 'org-council',
      stage: 'closed',
      sealed: true,
      counts: { received: 2, compliant: 0, excluded: 0, awaitingCompliance: 0, fullyEvaluated: 0 },
      bids: [],
      excluded: [],
      openViolations: [],
      award: { status: 'none' },
      redFlags: [],
    });
    expect(JSON.stringify(sealed)).not.toMatch(/org-acme|org-birch/);
  });

  it('after opening lists each bid with its price, compliance and evaluation', () => {
    const scenario = new TenderScenario()
      .publish()
      .bid('org-acme')
      .bid('org-birch')
      .bid('org-cedar')
      .close()
      .open()
      .pass('org-acme', 200_000)
      .pass('org-birch', 210_000)
      .exclude('org-cedar', 150_000)
      .panel('eve', 'evan')
      .declare('eve', 'org-acme')
      .declare('eve', 'org-birch')
      .declare('evan', 'org-acme')
      .declare('evan', 'org-birch', true)
      .score('eve', 'org-acme', TEXT)
      .score('eve', 'org-birch', 'Fine.')
      .score('evan', 'org-acme', TEXT)
      .submit('eve')
      .submit('evan');
    const result = report(scenario);
    expect(result.counts).toEqual({
      received: 3,
      compliant: 2,
      excluded: 1,
      awaitingCompliance: 0,
      fullyEvaluated: 1,
    });
    expect(result.bids[0]).toEqual({
      supplierId: 'org-acme',
      receivedAt: '2025-03-20T10:00:00.000Z',
      price: { amount: 200_000, currency: 'GBP' },
      compliance: 'passed',
      fullyEvaluated: true,
      justifications: 2,
      averageJustificationCharacters: 60,
    });
    expect(result.excluded).toEqual([
      {
        supplierId: 'org-cedar',
        reasonCode: 'requirements-not-met',
        reasonText: 'The bid does not meet the mandatory requirement for storage.',
      },
    ]);
    expect(result.panel).toEqual([
      {
        evaluatorId: 'eve',
        submitted: true,
        submittedAt: later(50),
        declaredNoConflict: ['org-acme', 'org-birch'],
        conflicts: [],
      },
      {
        evaluatorId: 'evan',
        submitted: true,
        submittedAt: later(50),
        declaredNoConflict: ['org-acme'],
        conflicts: [{ supplierId: 'org-birch', statement: 'My brother runs its sales team.' }],
      },
    ]);
    expect(result.coverage).toEqual({
      criteria: ['quality'],
      evaluators: ['eve', 'evan'],
      bids: [
        { supplierId: 'org-acme', cells: { eve: ['scored'], evan: ['scored'] }, complete: true },
        {
          supplierId: 'org-birch',
          cells: { eve: ['unjustified'], evan: ['conflicted'] },
          complete: false,
        },
      ],
      totals: { scored: 2, unjustified: 1, missing: 0, conflicted: 1, 'not-declared': 0 },
    });
    expect(result.openViolations.map((v) => [v.code, v.supplierId, v.evaluatorId])).toEqual([
      ['PANEL_TOO_SMALL', 'org-birch', undefined],
      ['INCOMPLETE_EVALUATION', 'org-birch', 'eve'],
    ]);
  });

  it('marks cells missing, not declared, and a bid without two assessors as incomplete', () => {
    const scenario = new TenderScenario()
      .publish()
      .bid('org-acme')
      .close()
      .open()
      .pass('org-acme', 200_000)
      .panel('eve', 'evan')
      .declare('eve', 'org-acme');
    const { coverage, counts } = report(scenario);
    expect(coverage.bids).toEqual([
      {
        supplierId: 'org-acme',
        cells: { eve: ['missing'], evan: ['not-declared'] },
        complete: false,
      },
    ]);
    expect(counts.fullyEvaluated).toBe(0);
  });

  it('follows the award from proposal to contract', () => {
    const scenario = new TenderScenario()
      .publish()
      .bid('org-acme')
      .bid('org-birch')
      .close()
      .open()
      .pass('org-acme', 200_000)
      .pass('org-birch', 250_000)
      .award('org-acme', { pending: true });
    expect(report(scenario).award).toMatchObject({
      status: 'awaiting-confirmation',
      supplierId: 'org-acme',
    });
    scenario.award('org-acme').conclude('org-acme');
    expect(report(scenario).award).toMatchObject({
      status: 'contracted',
      supplierId: 'org-acme',
      contract: { contractId: 'c-1', value: { amount: 200_000, currency: 'GBP' } },
    });
  });
});
