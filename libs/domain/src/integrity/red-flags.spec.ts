import { requireTenderingPeriod } from '../notice/tendering-period';
import { urgency } from '../testing/notice-fixtures';
import { sampleNoticeTerms } from '../testing/sample-notice-terms';
import { integrityReport } from './integrity-report';
import type { IncumbentExtension, RedFlag } from './report';
import { DEFAULT_INTEGRITY_THRESHOLDS } from './thresholds';
import { justification, later, PUBLISHED_AT, TenderScenario } from './testing/tender-scenario';

const flags = (scenario: TenderScenario, incumbentExtensions: IncumbentExtension[] = []) =>
  integrityReport(scenario.view(), DEFAULT_INTEGRITY_THRESHOLDS, {
    contractChanges: scenario.changeFlags,
    incumbentExtensions,
  }).redFlags;
const codes = (raised: RedFlag[]) => raised.map((flag) => flag.code);
const flag = (raised: RedFlag[], code: string) => raised.find((f) => f.code === code);

/** Opened, with each supplier's price; the first passes, the rest as `excluded` says. */
function opened(prices: Record<string, number>, excluded: string[] = []) {
  const scenario = new TenderScenario().publish();
  for (const supplierId of Object.keys(prices)) scenario.bid(supplierId);
  scenario.close().open();
  for (const [supplierId, amount] of Object.entries(prices)) {
    if (excluded.includes(supplierId)) scenario.exclude(supplierId, amount);
    else scenario.pass(supplierId, amount);
  }
  return scenario;
}

describe('red flags: each raised on its evidence, and not just under its threshold', () => {
  it('R003 short submission period: under 15 days from publication to the deadline', () => {
    const deadline = (ms: number) => new Date(Date.parse(PUBLISHED_AT) + ms).toISOString();
    const fifteenDays = 15 * 24 * 3600 * 1000;
    const short = new TenderScenario(
      sampleNoticeTerms({ submissionDeadline: deadline(fifteenDays - 60_000) }),
    ).publish();
    expect(flag(flags(short), 'R003')).toEqual({
      key: 'R003',
      code: 'R003',
      title: 'Short submission period',
      evidence: {
        publishedAt: PUBLISHED_AT,
        submissionDeadline: deadline(fifteenDays - 60_000),
        days: 14.99,
        thresholdDays: 15,
        procedure: 'open',
      },
      raisedAt: PUBLISHED_AT,
    });
    const enough = new TenderScenario(
      sampleNoticeTerms({ submissionDeadline: deadline(fifteenDays) }),
    ).publish();
    expect(codes(flags(enough))).not.toContain('R003');
  });

  it('FT-REDUCED-TENDERING-PERIOD: below the normal statutory minimum, on a listed ground', () => {
    const urgent = sampleNoticeTerms({
      clarificationDeadline: '2025-03-08T12:00:00.000Z',
      submissionDeadline: '2025-03-13T12:00:00.000Z',
      minimumResponseDays: 5,
      reducedTenderingPeriod: urgency,
    });
    const reduced = new TenderScenario(urgent).publish(
      PUBLISHED_AT,
      requireTenderingPeriod(urgent, PUBLISHED_AT),
    );
    expect(flag(flags(reduced), 'FT-REDUCED-TENDERING-PERIOD')).toEqual({
      key: 'FT-REDUCED-TENDERING-PERIOD',
      code: 'FT-REDUCED-TENDERING-PERIOD',
      title: 'Tendering period below the normal statutory minimum, on a listed ground',
      evidence: {
        ground: 'urgency',
        justification: urgency.justification,
        givenDays: 10,
        floorDays: 10,
        source: 'Procurement Act 2023 s.54(3)',
        normalFloorDays: 25,
        normalSource: 'Procurement Act 2023 s.54(3)',
        procedure: 'open',
        jurisdiction: 'uk-pa-2023',
      },
      raisedAt: PUBLISHED_AT,
    });
    // The same ground stated, but a period that meets the normal minimum: nothing was reduced.
    const long = sampleNoticeTerms({ reducedTenderingPeriod: urgency });
    const normal = new TenderScenario(long).publish(
      PUBLISHED_AT,
      requireTenderingPeriod(long, PUBLISHED_AT),
    );
    expect(codes(flags(normal))).not.toContain('FT-REDUCED-TENDERING-PERIOD');
  });

  it('R018 single bid: the count at closing, and the bidder only once the bids are opened', () => {
    const single = new TenderScenario().publish().bid('org-acme').close();
    expect(flag(flags(single), 'R018')).toMatchObject({
      evidence: { bidsReceived: 1, closedAt: '2025-03-31T12:00:00.000Z' },
    });
    expect(flag(flags(single), 'R018')?.supplierId).toBeUndefined();
    single.open();
    expect(flag(flags(single), 'R018')).toMatchObject({
      supplierId: 'org-acme',
      evidence: { supplierId: 'org-acme' },
    });
    const two = new TenderScenario().publish().bid('org-acme').bid('org-birch').close();
    expect(codes(flags(two))).not.toContain('R018');
    const stillOpen = new TenderScenario().publish().bid('org-acme');
    expect(codes(flags(stillOpen))).not.toContain('R018');
  });

  it('R024 price close to the winning bid: within 1 %, not at 1.001 %', () => {
    const close = opened({ 'org-acme': 100_000, 'org-birch': 101_000 }).award('org-acme');
    expect(flag(flags(close), 'R024')).toMatchObject({
      supplierId: 'org-acme',
      evidence: {
        winner: { supplierId: 'org-acme', price: { amount: 100_000, currency: 'GBP' } },
        closeBids: [{ supplierId: 'org-birch', differencePercent: 1 }],
        thresholdPercent: 1,
      },
    });
    const apart = opened({ 'org-acme': 100_000, 'org-birch': 101_001 }).award('org-acme');
    expect(codes(flags(apart))).not.toContain('R024');
    const noAward = opened({ 'org-acme': 100_000, 'org-birch': 100_500 });
    expect(codes(flags(noAward))).not.toContain('R024');
  });

  it('R028 identical bid prices: each bidder of the same price, not a penny apart', () => {
    const same = opened({ 'org-acme': 100_000, 'org-birch': 100_000, 'org-cedar': 90_000 }, [
      'org-cedar',
    ]);
    const raised = flags(same).filter((f) => f.code === 'R028');
    expect(raised.map((f) => [f.key, f.supplierId])).toEqual([
      ['R028/org-acme', 'org-acme'],
      ['R028/org-birch', 'org-birch'],
    ]);
    expect(raised[0].evidence).toEqual({
      price: { amount: 100_000, currency: 'GBP' },
      suppliers: ['org-acme', 'org-birch'],
    });
    const apart = opened({ 'org-acme': 100_000, 'org-birch': 100_000.01 });
    expect(codes(flags(apart))).not.toContain('R028');
  });

  it('R035 all except the winning bid disqualified; not when another bid stayed valid', () => {
    const alone = opened({ 'org-acme': 120_000, 'org-birch': 100_000, 'org-cedar': 110_000 }, [
      'org-birch',
      'org-cedar',
    ]).award('org-acme', { pending: true });
    expect(flag(flags(alone), 'R035')).toMatchObject({
      supplierId: 'org-acme',
      evidence: {
        winner: { supplierId: 'org-acme' },
        bidsReceived: 3,
        excluded: [
          { supplierId: 'org-birch', reasonCode: 'requirements-not-met' },
          { supplierId: 'org-cedar', reasonCode: 'requirements-not-met' },
        ],
      },
    });
    const competed = opened({ 'org-acme': 120_000, 'org-birch': 100_000, 'org-cedar': 110_000 }, [
      'org-birch',
    ]).award('org-acme');
    expect(codes(flags(competed))).not.toContain('R035');
  });

  it('R036 lowest bid disqualified; not when the lowest stayed in', () => {
    const lowestOut = opened({ 'org-acme': 120_000, 'org-birch': 100_000 }, ['org-birch']).award(
      'org-acme',
    );
    expect(flag(flags(lowestOut), 'R036')).toMatchObject({
      supplierId: 'org-birch',
      evidence: {
        lowest: { supplierId: 'org-birch', price: { amount: 100_000, currency: 'GBP' } },
        winner: { supplierId: 'org-acme', price: { amount: 120_000, currency: 'GBP' } },
      },
    });
    const higherOut = opened({ 'org-acme': 100_000, 'org-birch': 120_000 }, ['org-birch']).award(
      'org-acme',
    );
    expect(codes(flags(higherOut))).not.toContain('R036');
  });

  it('R038 excessive disqualified bids: over 50 % of the bids, not exactly half', () => {
    const prices = { a: 1, b: 2, c: 3, d: 4, e: 5 };
    const most = opened(prices, ['a', 'b', 'c']);
    expect(flag(flags(most), 'R038')).toMatchObject({
      evidence: { bidsReceived: 5, excludedBids: 3, excludedPercent: 60, thresholdPercent: 50 },
      raisedAt: later(11),
    });
    const half = opened({ a: 1, b: 2, c: 3, d: 4 }, ['a', 'b']);
    expect(codes(flags(half))).not.toContain('R038');
  });

  it('FT-UNANSWERED-CLARIFICATIONS: closed with a question unanswered, never naming who asked', () => {
    const scenario = new TenderScenario()
      .publish()
      .ask('q1')
      .answer('q1')
      .ask('q2', '2025-03-12T10:00:00.000Z')
      .ask('q3', '2025-03-13T10:00:00.000Z')
      .close()
      .answer('q3', '2025-04-02T10:00:00.000Z');
    const raised = flag(flags(scenario), 'FT-UNANSWERED-CLARIFICATIONS');
    expect(raised).toEqual({
      key: 'FT-UNANSWERED-CLARIFICATIONS',
      code: 'FT-UNANSWERED-CLARIFICATIONS',
      title: 'Tendering closed with clarification questions unanswered',
      evidence: {
        closedAt: '2025-03-31T12:00:00.000Z',
        questionsAsked: 3,
        unanswered: [
          { questionId: 'q2', question: 'Question q2?', askedAt: '2025-03-12T10:00:00.000Z' },
          {
            questionId: 'q3',
            question: 'Question q3?',
            askedAt: '2025-03-13T10:00:00.000Z',
            answeredAfterClosingAt: '2025-04-02T10:00:00.000Z',
          },
        ],
      },
      raisedAt: '2025-03-31T12:00:00.000Z',
    });
    expect(JSON.stringify(raised)).not.toContain('org-asker');
    const answered = new TenderScenario().publish().ask('q1').answer('q1').close();
    expect(codes(flags(answered))).not.toContain('FT-UNANSWERED-CLARIFICATIONS');
  });

  it('FT-WINNER-NOT-TOP-RANKED and FT-DIRECT-AWARD, from what the award recorded', () => {
    const ranking = [
      {
        supplierId: 'org-birch',
        rank: 1,
        total: 80,
        price: { amount: 1, currency: 'GBP' },
        scores: {},
      },
      {
        supplierId: 'org-acme',
        rank: 2,
        total: 70,
        price: { amount: 1, currency: 'GBP' },
        scores: {},
      },
    ];
    const other = opened({ 'org-acme': 100_000, 'org-birch': 150_000 }).award('org-acme', {
      departures: ['winner-not-top-ranked'],
      ranking,
      topRanked: ['org-birch'],
    });
    expect(flag(flags(other), 'FT-WINNER-NOT-TOP-RANKED')).toMatchObject({
      supplierId: 'org-acme',
      evidence: {
        winner: { supplierId: 'org-acme', rank: 2, total: 70 },
        topRanked: [{ supplierId: 'org-birch', total: 80 }],
      },
      raisedAt: later(60),
    });
    const top = opened({ 'org-acme': 100_000, 'org-birch': 150_000 }).award('org-acme');
    expect(codes(flags(top))).not.toContain('FT-WINNER-NOT-TOP-RANKED');
    expect(codes(flags(top))).not.toContain('FT-DIRECT-AWARD');

    const direct = opened({ 'org-acme': 100_000 }).award('org-acme', {
      departures: ['direct-award'],
      directAward: {
        ground: 'extreme-urgency',
        justification: 'Flooding closed the depot last week.',
      },
    });
    expect(flag(flags(direct), 'FT-DIRECT-AWARD')).toMatchObject({
      supplierId: 'org-acme',
      evidence: {
        ground: 'extreme-urgency',
        justification: 'Flooding closed the depot last week.',
        compliantBids: 1,
        minimumBids: 2,
      },
    });
  });

  it('FT-EVALUATION-ASYMMETRY: the winner’s justifications over twice as long, not exactly twice', () => {
    const scored = (winnerLength: number) =>
      opened({ 'org-acme': 100_000, 'org-birch': 120_000 })
        .panel('eve', 'evan')
        .score('eve', 'org-acme', justification(winnerLength))
        .score('evan', 'org-acme', justification(winnerLength))
        .score('eve', 'org-birch', justification(50))
        .score('evan', 'org-birch', justification(50))
        .award('org-acme');
    expect(flag(flags(scored(101)), 'FT-EVALUATION-ASYMMETRY')).toEqual({
      key: 'FT-EVALUATION-ASYMMETRY',
      code: 'FT-EVALUATION-ASYMMETRY',
      title: "The winner's justifications far longer than the other bids'",
      supplierId: 'org-acme',
      evidence: {
        winner: { supplierId: 'org-acme', justifications: 2, averageCharacters: 101 },
        others: [
          { supplierId: 'org-birch', compliant: true, justifications: 2, averageCharacters: 50 },
        ],
        othersAverageCharacters: 50,
        ratio: 2.02,
        thresholdRatio: 2,
      },
      raisedAt: later(60),
    });
    expect(codes(flags(scored(100)))).not.toContain('FT-EVALUATION-ASYMMETRY');
  });

  it('FT-CONTRACT-CHANGE: each threshold an approved change crossed', () => {
    const timeFlag = {
      code: 'CHANGE_TIME' as const,
      message: 'Changes have added 12 months to the contract period; more than 6 is flagged',
      threshold: 6,
      actual: 12,
    };
    const scenario = opened({ 'org-acme': 100_000, 'org-birch': 150_000 })
      .award('org-acme')
      .conclude('org-acme')
      .change('ch-1', 'modification', 0, [])
      .change('ch-2', 'extension', 12, [timeFlag]);
    const raised = flags(scenario).filter((f) => f.code === 'FT-CONTRACT-CHANGE');
    expect(raised).toEqual([
      {
        key: 'FT-CONTRACT-CHANGE/ch-2/CHANGE_TIME',
        code: 'FT-CONTRACT-CHANGE',
        title: 'Contract change past a threshold',
        supplierId: 'org-acme',
        evidence: {
          contractId: 'c-1',
          changeId: 'ch-2',
          changeNumber: 2,
          kind: 'extension',
          description: 'extension of the pilot',
          justification: 'The pilot needs another year to cover every ward.',
          addedValue: { amount: 0, currency: 'GBP' },
          addedMonths: 12,
          requestedBy: 'u-alice',
          approvedBy: 'u-bob',
          threshold: timeFlag,
        },
        raisedAt: later(120),
      },
    ]);
  });

  it('FT-INCUMBENT-EXTENDED-THEN-WON: an extension approved before the award, not after it', () => {
    const extension = (approvedAt: string): IncumbentExtension => ({
      tenderId: 't-pilot',
      contractId: 'c-pilot',
      changeId: 'ch-ext',
      kind: 'extension',
      addedMonths: 12,
      approvedAt,
    });
    const scenario = opened({ 'org-acme': 100_000, 'org-birch': 150_000 }).award('org-acme');
    expect(flag(flags(scenario, [extension(later(30))]), 'FT-INCUMBENT-EXTENDED-THEN-WON')).toEqual(
      {
        key: 'FT-INCUMBENT-EXTENDED-THEN-WON',
        code: 'FT-INCUMBENT-EXTENDED-THEN-WON',
        title: 'Won by a supplier whose contract with the same buyer had just been extended',
        supplierId: 'org-acme',
        evidence: {
          supplierId: 'org-acme',
          buyerOrganisationId: 'org-council',
          awardProposedAt: later(60),
          extensions: [extension(later(30))],
        },
        raisedAt: later(60),
      },
    );
    expect(codes(flags(scenario, [extension(later(61))]))).not.toContain(
      'FT-INCUMBENT-EXTENDED-THEN-WON',
    );
    expect(codes(flags(scenario))).not.toContain('FT-INCUMBENT-EXTENDED-THEN-WON');
  });

  it('a competitive, complete tender raises nothing', () => {
    const scenario = opened({ 'org-acme': 100_000, 'org-birch': 120_000, 'org-cedar': 130_000 })
      .panel('eve', 'evan')
      .award('org-acme');
    for (const evaluator of ['eve', 'evan'])
      for (const supplier of ['org-acme', 'org-birch', 'org-cedar'])
        scenario.declare(evaluator, supplier).score(evaluator, supplier, justification(80));
    expect(flags(scenario)).toEqual([]);
  });
});
