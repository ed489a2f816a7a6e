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

describe('FT-REPEATED-DIRECT-AWARD', () => {
  const direct = plan({
    route: { kind: 'direct-award', ground: 'extreme-urgency', supplierId: ACME },
    estimatedValue: { amount: 300_000, currency: 'GBP' },
  });
  const awarded: TenderViewEvent[] = [
    opened(direct),
    {
      type: 'AwardProposed',
      data: {
        supplierId: ACME,
        round: 1,
        ranking: [
          { supplierId: ACME, rank: 1, total: 0, price: direct.estimatedValue, scores: {} },
        ],
        topRanked: [ACME],
        departures: ['direct-award'],
        directAward: { ground: 'extreme-urgency', justification: 'The cameras fail in June' },
        proposedBy: 'u-alice',
        proposedAt: '2025-04-15T09:00:00.000Z',
      },
    },
  ];
  const view = awarded.reduce(evolveTenderView, initialTenderView());
  const earlier = (awardedAt: string, supplierId = ACME) => ({
    tenderId: 't-earlier',
    supplierId,
    ground: 'commodities',
    awardedAt,
  });
  const flagged = (directAwards: ReturnType<typeof earlier>[]) =>
    integrityReport(view, DEFAULT_INTEGRITY_THRESHOLDS, { directAwards }).redFlags.map(
      (f) => f.code,
    );

  it('another direct award by the buyer to the supplier within 12 months before', () => {
    expect(flagged([earlier('2024-06-01T09:00:00.000Z')])).toEqual([
      'FT-DIRECT-AWARD',
      'FT-REPEATED-DIRECT-AWARD',
    ]);
  });

  it('not for one more than 12 months before, nor to another supplier', () => {
    expect(flagged([earlier('2024-04-14T09:00:00.000Z')])).toEqual(['FT-DIRECT-AWARD']);
    expect(flagged([earlier('2024-06-01T09:00:00.000Z', BETA)])).toEqual(['FT-DIRECT-AWARD']);
  });
});
