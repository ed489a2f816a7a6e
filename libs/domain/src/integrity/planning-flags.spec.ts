import { ACME, BETA, fullyEvaluated, proposeAward } from '../testing/evaluation-fixtures';
import { drafted, tendering } from '../testing/notice-fixtures';
import { engagedWith, opened, plan, shared } from '../testing/planning-fixtures';
import { awardDecider } from '../award/decide';
import { evolveTenderView, initialTenderView, type TenderViewEvent } from '../tender/tender-view';
import { integrityReport } from './integrity-report';
import { DEFAULT_INTEGRITY_THRESHOLDS } from './thresholds';

const report = (events: TenderViewEvent[]) =>
  integrityReport(
    events.reduce(evolveTenderView, initialTenderView()),
    DEFAULT_INTEGRITY_THRESHOLDS,
  );
const codes = (events: TenderViewEvent[]) => report(events).redFlags.map((flag) => flag.code);

const pilot = engagedWith(ACME, 'e1', 'pilot', [
  { materialId: 'm-spec', title: 'Draft specification' },
]);
/** A procurement's planning events, then the evaluation fixtures' tender (bids by Acme and Beta). */
const withPlanning = (planning: TenderViewEvent[], incumbent = true) => [
  opened(plan(incumbent ? {} : { incumbentSupplierId: undefined })),
  ...planning,
  ...fullyEvaluated(),
];

describe('planning red flags (issue 14)', () => {
  it('FT-SINGLE-SUPPLIER-ENGAGEMENT: engagement with one supplier only, with the contacts as evidence', () => {
    const flags = report([opened(), pilot, drafted()]).redFlags;
    expect(flags).toEqual([
      expect.objectContaining({
        code: 'FT-SINGLE-SUPPLIER-ENGAGEMENT',
        supplierId: ACME,
        evidence: expect.objectContaining({
          contacts: [expect.objectContaining({ engagementId: 'e1', kind: 'pilot' })],
          engagementNoticePublished: false,
        }),
      }),
    ]);
    expect(codes([opened(), pilot, engagedWith(BETA, 'e2'), drafted()])).not.toContain(
      'FT-SINGLE-SUPPLIER-ENGAGEMENT',
    );
  });

  it('FT-INCUMBENT-IN-COMPETITION: the pilot supplier bids, from opening; and wins', () => {
    const events = withPlanning([pilot, engagedWith(BETA, 'e2'), shared('m-spec')], false);
    const [flag] = report(events).redFlags.filter((f) => f.code === 'FT-INCUMBENT-IN-COMPETITION');
    expect(flag).toMatchObject({
      supplierId: ACME,
      evidence: { ranPilot: true, holdsReplacedContract: false, otherBidders: [BETA], won: false },
    });
    const award = awardDecider.decide(
      proposeAward(ACME),
      events.reduce(evolveTenderView, initialTenderView()),
    );
    const after = report([...events, ...award]).redFlags.find(
      (f) => f.code === 'FT-INCUMBENT-IN-COMPETITION',
    );
    expect(after?.evidence).toMatchObject({ won: true });
  });

  it('FT-INCUMBENT-IN-COMPETITION: the holder of the contract replaced bids, without any pilot', () => {
    const flags = report(withPlanning([engagedWith(BETA, 'e2')])).redFlags;
    expect(flags.filter((f) => f.code === 'FT-INCUMBENT-IN-COMPETITION')).toEqual([
      expect.objectContaining({
        supplierId: ACME,
        evidence: expect.objectContaining({ ranPilot: false, holdsReplacedContract: true }),
      }),
    ]);
  });

  it('a tender drafted without a planning record: no planning flags, marked as such', () => {
    const events = [...fullyEvaluated()];
    expect(report(events).planning).toEqual({ recorded: false });
    expect(codes([...tendering()])).not.toContain('FT-SINGLE-SUPPLIER-ENGAGEMENT');
  });

  it('the report shows the planning record: engaged suppliers, unshared material, assessment', () => {
    const section = report([opened(), pilot, engagedWith(BETA, 'e2'), drafted()]).planning;
    expect(section).toMatchObject({
      recorded: true,
      incumbentSupplierId: ACME,
      approvalStands: false,
      engagedSuppliers: [
        { supplierId: ACME, contacts: 1, kinds: ['pilot'], materials: ['m-spec'] },
        { supplierId: BETA, contacts: 1, kinds: ['meeting'], materials: [] },
      ],
      unsharedMaterials: ['m-spec'],
      conflictsAssessmentRevisions: 0,
    });
  });
});
