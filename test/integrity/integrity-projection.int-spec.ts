import { DEFAULT_INTEGRITY_THRESHOLDS } from '@fairtender/domain';
import { IntegrityQueries, readModelProjections, rebuildAndCompare } from '@fairtender/read-models';
import { ADAPTERS, type ReadModelSubject } from '../read-models/subjects';
import {
  day,
  identicalPricesTender,
  PILOT_EXTENSION_FLAG,
  pilotTender,
  rolloutTender,
  shortTender,
} from './integrity-scenarios';

/**
 * The competition-integrity projection on the projector's runner: tenders written event by event into
 * their streams, projected, and read back — the report, the coverage matrix, every red flag with its
 * evidence — then rebuilt from zero one event per batch and compared with the live tables.
 */
describe.each(ADAPTERS)('competition-integrity projection on %s', (_name, open) => {
  let subject: ReadModelSubject;
  let integrity: IntegrityQueries;

  beforeEach(async () => {
    subject = await open();
    integrity = new IntegrityQueries(subject.client);
  });
  afterEach(() => subject.cleanup());

  const flagsOf = async (tenderId: string) =>
    (await integrity.getReport(tenderId))!.report.redFlags.map((f) => f.key);

  it("the seeds' case: two of three bids excluded, a 5× asymmetry, an extension, then the incumbent wins again", async () => {
    const pilot = await pilotTender(subject.store);
    const rollout = await rolloutTender(subject.store);
    await subject.projectUpTo(rollout.last.position);

    const row = (await integrity.getReport(pilot.tenderId))!;
    expect(row).toMatchObject({
      tenderId: pilot.tenderId,
      buyerOrganisationId: 'authority-1',
      stage: 'contracted',
      redFlagCount: 6,
    });
    const { report } = row;
    expect(report).toMatchObject({
      sealed: false,
      counts: { received: 3, compliant: 1, excluded: 2, awaitingCompliance: 0, fullyEvaluated: 1 },
      openViolations: [],
      award: {
        status: 'contracted',
        supplierId: 'acme',
        confirmedBy: 'officer-bob',
        departures: ['direct-award', 'all-but-winner-excluded'],
        directAward: { ground: 'no-suitable-tenders' },
        standstill: { startsAt: day(47), endsAt: day(59), endedAt: day(59) },
        contract: { contractId: 'c-pilot', period: { endDate: '2027-03-31' }, approvedChanges: 1 },
      },
    });
    expect(
      report.bids.map((b) => [
        b.supplierId,
        b.compliance,
        b.price?.amount,
        b.averageJustificationCharacters,
      ]),
    ).toEqual([
      ['acme', 'passed', 180_000, 250],
      ['birch', 'excluded', 150_000, 50],
      ['cedar', 'excluded', 175_000, 50],
    ]);
    expect(report.excluded.map((e) => [e.supplierId, e.reasonCode])).toEqual([
      ['birch', 'abnormally-low-tender'],
      ['cedar', 'incomplete-submission'],
    ]);
    expect(
      report.panel.map((p) => [p.evaluatorId, p.submitted, p.declaredNoConflict, p.conflicts]),
    ).toEqual([
      ['evaluator-eve', true, ['acme', 'birch', 'cedar'], []],
      ['evaluator-evan', true, ['acme', 'birch', 'cedar'], []],
    ]);
    expect(report.coverage).toEqual({
      criteria: ['quality', 'delivery'],
      evaluators: ['evaluator-eve', 'evaluator-evan'],
      bids: [
        {
          supplierId: 'acme',
          cells: { 'evaluator-eve': ['scored', 'scored'], 'evaluator-evan': ['scored', 'scored'] },
          complete: true,
        },
      ],
      totals: { scored: 4, unjustified: 0, missing: 0, conflicted: 0, 'not-declared': 0 },
    });
    const flag = (code: string) => report.redFlags.find((f) => f.code === code);
    expect(report.redFlags.map((f) => f.code).sort()).toEqual(
      [
        'FT-CONTRACT-CHANGE',
        'FT-DIRECT-AWARD',
        'FT-EVALUATION-ASYMMETRY',
        'R035',
        'R036',
        'R038',
      ].sort(),
    );
    expect(flag('R035')).toMatchObject({
      supplierId: 'acme',
      raisedAt: day(47),
      evidence: {
        winner: { supplierId: 'acme', price: { amount: 180_000, currency: 'GBP' } },
        bidsReceived: 3,
        excluded: [
          { supplierId: 'birch', reasonCode: 'abnormally-low-tender' },
          { supplierId: 'cedar', reasonCode: 'incomplete-submission' },
        ],
        secondOfficerConfirmation: 'officer-bob',
      },
    });
    expect(flag('R036')).toMatchObject({
      supplierId: 'birch',
      evidence: {
        lowest: { supplierId: 'birch', price: { amount: 150_000, currency: 'GBP' } },
        winner: { supplierId: 'acme', price: { amount: 180_000, currency: 'GBP' } },
      },
    });
    expect(flag('R038')).toMatchObject({
      raisedAt: day(45),
      evidence: { bidsReceived: 3, excludedBids: 2, excludedPercent: 66.67, thresholdPercent: 50 },
    });
    expect(flag('FT-DIRECT-AWARD')).toMatchObject({
      supplierId: 'acme',
      evidence: { ground: 'no-suitable-tenders', compliantBids: 1, minimumBids: 2 },
    });
    expect(flag('FT-EVALUATION-ASYMMETRY')).toMatchObject({
      supplierId: 'acme',
      evidence: {
        winner: { supplierId: 'acme', justifications: 4, averageCharacters: 250 },
        others: [
          { supplierId: 'birch', compliant: false, justifications: 4, averageCharacters: 50 },
          { supplierId: 'cedar', compliant: false, justifications: 4, averageCharacters: 50 },
        ],
        othersAverageCharacters: 50,
        ratio: 5,
        thresholdRatio: 2,
      },
    });
    expect(flag('FT-CONTRACT-CHANGE')).toMatchObject({
      key: 'FT-CONTRACT-CHANGE/ext-1/CHANGE_TIME',
      supplierId: 'acme',
      raisedAt: day(200),
      evidence: {
        contractId: 'c-pilot',
        changeId: 'ext-1',
        changeNumber: 1,
        kind: 'extension',
        addedMonths: 12,
        approvedBy: 'officer-bob',
        threshold: PILOT_EXTENSION_FLAG,
      },
    });
    expect(JSON.stringify(row)).not.toMatch(/U0VBTEVELUJJRA|V1JBUFBFRA/);

    expect(await flagsOf(rollout.tenderId)).toEqual(['FT-INCUMBENT-EXTENDED-THEN-WON']);
    const [incumbent] = (await integrity.listRedFlags({ code: 'FT-INCUMBENT-EXTENDED-THEN-WON' }))
      .items;
    expect(incumbent).toEqual({
      tenderId: rollout.tenderId,
      flagKey: 'FT-INCUMBENT-EXTENDED-THEN-WON',
      code: 'FT-INCUMBENT-EXTENDED-THEN-WON',
      title: 'Won by a supplier whose contract with the same buyer had just been extended',
      evidence: {
        supplierId: 'acme',
        buyerOrganisationId: 'authority-1',
        awardProposedAt: day(250),
        extensions: [
          {
            tenderId: pilot.tenderId,
            contractId: 'c-pilot',
            changeId: 'ext-1',
            kind: 'extension',
            addedMonths: 12,
            approvedAt: day(200),
          },
        ],
      },
      raisedAt: day(250),
      buyerOrganisationId: 'authority-1',
      supplierId: 'acme',
    });
  });

  it('before opening: the count of bids only; after: the single bidder named', async () => {
    const short = await shortTender(subject.store);
    await subject.projectUpTo(short.last.position);
    const sealed = (await integrity.getReport(short.tenderId))!;
    expect(sealed.report).toMatchObject({
      stage: 'closed',
      sealed: true,
      counts: { received: 1 },
      bids: [],
    });
    expect(sealed.report.redFlags.map((f) => f.code)).toEqual([
      'R003',
      'FT-UNANSWERED-CLARIFICATIONS',
      'R018',
    ]);
    expect(JSON.stringify(sealed)).not.toContain('cedar');
    const [r003, unanswered, r018] = sealed.report.redFlags;
    expect(r003.evidence).toEqual({
      publishedAt: day(100),
      submissionDeadline: day(110, 10),
      days: 10,
      thresholdDays: 15,
      procedure: 'open',
    });
    expect(unanswered.evidence).toEqual({
      closedAt: day(110, 10),
      questionsAsked: 1,
      unanswered: [
        { questionId: 'q1', question: 'Does the price of q1 include training?', askedAt: day(102) },
      ],
    });
    expect(r018).toMatchObject({ evidence: { bidsReceived: 1, closedAt: day(110, 10) } });
    expect(r018.supplierId).toBeUndefined();

    await short.open(day(111));
    await subject.queries.waitForPosition(short.last.position, 20_000);
    const opened = (await integrity.getReport(short.tenderId))!;
    expect(opened.report).toMatchObject({
      sealed: false,
      counts: { received: 1, awaitingCompliance: 1 },
    });
    const named = opened.report.redFlags.find((f) => f.code === 'R018')!;
    expect(named).toMatchObject({ supplierId: 'cedar', evidence: { supplierId: 'cedar' } });
    expect(
      (await integrity.listRedFlags({ supplierId: 'cedar' })).items.map((f) => f.code),
    ).toEqual(['R018']);

    // The stored state keeps only what the report reads: no hash, stream name or revision.
    const [stored] = await subject.client.query<{ state: string }>(
      'SELECT state::text AS state FROM rm_integrity_states WHERE tender_id = $1',
      [short.tenderId],
    );
    const { view } = JSON.parse(stored.state) as {
      view: { bids: Record<string, unknown>; tender: { openedBidStreams: unknown } };
    };
    expect(view.tender.openedBidStreams).toEqual([{ supplierId: 'cedar' }]);
    expect(Object.values(view.bids)).toEqual([
      { status: 'submitted', receivedAt: expect.any(String) },
    ]);
  });

  it('identical prices and an award past the top-ranked bid; a conflicted evaluator in the matrix', async () => {
    const tender = await identicalPricesTender(subject.store);
    await subject.projectUpTo(tender.last.position);
    const { report } = (await integrity.getReport(tender.tenderId))!;
    expect(report.coverage.bids).toEqual([
      {
        supplierId: 'acme',
        cells: {
          'evaluator-eve': ['scored'],
          'evaluator-evan': ['scored'],
          'evaluator-ed': ['scored'],
        },
        complete: true,
      },
      {
        supplierId: 'birch',
        cells: {
          'evaluator-eve': ['scored'],
          'evaluator-evan': ['conflicted'],
          'evaluator-ed': ['scored'],
        },
        complete: true,
      },
    ]);
    expect(report.panel[1].conflicts).toEqual([
      { supplierId: 'birch', statement: 'I advised this supplier on its bid strategy last year.' },
    ]);
    expect(report.redFlags.map((f) => f.key)).toEqual([
      'R028/acme',
      'R028/birch',
      'FT-WINNER-NOT-TOP-RANKED',
      'R024',
    ]);
    expect(report.redFlags[2]).toMatchObject({
      supplierId: 'acme',
      evidence: {
        winner: { supplierId: 'acme', rank: 2, total: 79 },
        topRanked: [{ supplierId: 'birch', total: 86 }],
        justification: 'Acme alone can deliver before the storage contract lapses in June.',
      },
    });
    expect(report.redFlags[3].evidence).toEqual({
      winner: { supplierId: 'acme', price: { amount: 120_000, currency: 'GBP' } },
      closeBids: [
        { supplierId: 'birch', price: { amount: 120_000, currency: 'GBP' }, differencePercent: 0 },
      ],
      thresholdPercent: 1,
    });
    expect(report.redFlags[0].evidence).toEqual({
      price: { amount: 120_000, currency: 'GBP' },
      suppliers: ['acme', 'birch'],
    });
  });

  it('an upheld challenge sends the tender back to evaluation: the award and its flags are withdrawn', async () => {
    const tender = await identicalPricesTender(subject.store);
    await subject.projectUpTo(tender.last.position);
    expect(await flagsOf(tender.tenderId)).toEqual([
      'R028/acme',
      'R028/birch',
      'FT-WINNER-NOT-TOP-RANKED',
      'R024',
    ]);
    await tender.tender('ChallengeLodged', {
      challengeId: 'ch-1',
      supplierId: 'birch',
      grounds: ['evaluation-error'],
      text: 'The top-ranked bid was passed over without a reason the notice allows.',
      lodgedAt: day(157),
      round: 1,
    });
    await tender.tender('AwardSuspended', { challengeId: 'ch-1', suspendedAt: day(157), round: 1 });
    await subject.queries.waitForPosition(tender.last.position, 20_000);
    expect((await integrity.getReport(tender.tenderId))!.report.award).toMatchObject({
      status: 'suspended',
      openChallenges: 1,
    });
    await tender.tender('ChallengeResolved', {
      challengeId: 'ch-1',
      outcome: 'upheld',
      remedy: 're-evaluate',
      reason: 'The award departed from the ranking without a lawful reason.',
      resolvedAt: day(170),
      resolvedBy: 'legal-lee',
    });
    await tender.tender('EvaluationReopened', {
      round: 2,
      reason: 'Challenge ch-1 upheld',
      challengeId: 'ch-1',
      reopenedAt: day(170),
    });
    await subject.queries.waitForPosition(tender.last.position, 20_000);
    const { report } = (await integrity.getReport(tender.tenderId))!;
    expect(report).toMatchObject({ stage: 'evaluation', round: 2, award: { status: 'none' } });
    expect(report.redFlags.map((f) => f.key)).toEqual(['R028/acme', 'R028/birch']);
    expect(
      (await integrity.listRedFlags({ tenderId: tender.tenderId })).items.map((f) => f.flagKey),
    ).toEqual(['R028/acme', 'R028/birch']);
  });

  it('lists red flags across tenders by code, buyer, supplier, tender and time, newest first, in pages', async () => {
    const pilot = await pilotTender(subject.store);
    const short = await shortTender(subject.store);
    const tender = await identicalPricesTender(subject.store);
    await subject.projectUpTo(tender.last.position);

    const all = await integrity.listRedFlags({ limit: 500 });
    expect(all.items).toHaveLength(6 + 3 + 4);
    const times = all.items.map((f) => f.raisedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(
      (await integrity.listRedFlags({ buyerOrganisationId: 'authority-2' })).items.map(
        (f) => f.tenderId,
      ),
    ).toEqual([short.tenderId, short.tenderId, short.tenderId]);
    expect((await integrity.listRedFlags({ code: 'R028' })).items.map((f) => f.supplierId)).toEqual(
      ['acme', 'birch'],
    );
    expect(
      (
        await integrity.listRedFlags({ tenderId: pilot.tenderId, since: day(46), until: day(47) })
      ).items.map((f) => f.code),
    ).toEqual(['FT-DIRECT-AWARD', 'FT-EVALUATION-ASYMMETRY', 'R035', 'R036']);

    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await integrity.listRedFlags({ limit: 5, cursor });
      pages.push(...page.items.map((f) => `${f.tenderId}/${f.flagKey}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual(all.items.map((f) => `${f.tenderId}/${f.flagKey}`));
    await expect(integrity.listRedFlags({ cursor: 'bm90LWEtY3Vyc29y' })).rejects.toThrow(/cursor/);
  });

  it('raises flags at the configured thresholds, as the projector is given them', async () => {
    const pilot = await pilotTender(subject.store);
    const runner = subject.runner({
      projections: readModelProjections({
        integrity: {
          ...DEFAULT_INTEGRITY_THRESHOLDS,
          minimumSubmissionDays: 40,
          justificationAsymmetryRatio: 6,
        },
      }),
    });
    await runner.start();
    expect(await subject.queries.waitForPosition(pilot.last.position, 20_000)).toBe(true);
    const codes = (await integrity.getReport(pilot.tenderId))!.report.redFlags.map((f) => f.code);
    expect(codes).toContain('R003');
    expect(codes).not.toContain('FT-EVALUATION-ASYMMETRY');
  });

  it('a rebuild from zero, one event per batch, gives the same rows as the live projector', async () => {
    await pilotTender(subject.store);
    await shortTender(subject.store);
    const last = await rolloutTender(subject.store);
    await subject.projectUpTo(last.last.position);
    const report = await rebuildAndCompare({
      store: subject.store,
      client: subject.client,
      batchSize: 1,
    });
    const integrityTables = report.tables.filter(
      (t) =>
        t.table.startsWith('rm_integrity') ||
        t.table.endsWith('_extensions') ||
        t.table === 'rm_red_flags',
    );
    expect(integrityTables.map((t) => [t.table, t.rebuiltRows, t.differences])).toEqual([
      ['rm_integrity_states', 3, 0],
      ['rm_integrity', 3, 0],
      ['rm_red_flags', 6 + 3 + 1, 0],
      ['rm_contract_extensions', 1, 0],
      ['rm_integrity_scores', 12 + 4, 0],
      // Issue 15: each buyer's procurements, for FT-EXTENSION-DURING-RETENDER.
      ['rm_integrity_procurements', 3, 0],
    ]);
    expect(report.identical).toBe(true);
  });
});
