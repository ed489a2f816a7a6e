/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import {
  declareAndScore,
  expectStatus,
  openedTenderOnPostgres,
  PRICES,
  REASONED_EXCLUSION,
  seatPanel,
  submit,
} from '../award/award-fixtures';

/**
 * The integrity report following a tender driven through the API's own commands (PostgreSQL, the
 * projector in the process): what the deciders write is what the report reads — the prices opening
 * put on the record, the panel's declarations and scores, the award as proposed.
 */
describe('Competition integrity through the commands (PostgreSQL)', () => {
  const suite = openedTenderOnPostgres('e2e_integrity_lifecycle');
  const report = async (position: string) =>
    expectStatus(
      await suite.api
        .as('auditor-ada')
        .get(`${suite.base()}/integrity`, { 'x-min-position': position }),
      200,
    );

  it('shows each step: compliance, the coverage filling in, the award and its flags', async () => {
    const alice = suite.alice();
    const base = suite.base();
    let body = await report(suite.position);
    expect(body).toMatchObject({
      stage: 'evaluation',
      sealed: false,
      counts: { received: 3, compliant: 0, excluded: 0, awaitingCompliance: 3, fullyEvaluated: 0 },
    });

    for (const supplierId of ['acme', 'cedar']) {
      expectStatus(
        await alice.post(`${base}/compliance/${supplierId}`, { decision: 'passed' }),
        200,
      );
    }
    const excluded = expectStatus(
      await alice.post(`${base}/compliance/birch`, REASONED_EXCLUSION),
      200,
    );
    const panel = await seatPanel(suite.api, suite.tenderId);
    body = await report(panel.position ?? excluded.position);
    expect(body.counts).toMatchObject({ compliant: 2, excluded: 1, awaitingCompliance: 0 });
    expect(body.bids.map((b: any) => [b.supplierId, b.compliance, b.price.amount])).toEqual(
      expect.arrayContaining([
        ['acme', 'passed', PRICES.acme],
        ['birch', 'excluded', PRICES.birch],
        ['cedar', 'passed', PRICES.cedar],
      ]),
    );
    expect(body.coverage.totals).toMatchObject({ 'not-declared': 2 * 2 * 2, scored: 0 });
    expect(body.openViolations.map((v: any) => v.code)).toContain('UNDECLARED_CONFLICT');

    const scores = { quality: 8, 'social-value': 6 };
    await declareAndScore(suite.api, suite.tenderId, 'evaluator-eve', {
      acme: scores,
      cedar: scores,
    });
    const eve = await submit(suite.api, suite.tenderId, 'evaluator-eve');
    body = await report(eve.position);
    expect(body.coverage.totals).toMatchObject({ scored: 4, 'not-declared': 4 });
    expect(body.panel).toEqual([
      expect.objectContaining({ evaluatorId: 'evaluator-eve', submitted: true }),
      expect.objectContaining({ evaluatorId: 'evaluator-evan', submitted: false }),
    ]);

    await declareAndScore(suite.api, suite.tenderId, 'evaluator-evan', {
      acme: scores,
      cedar: { quality: 5, 'social-value': 5 },
    });
    await submit(suite.api, suite.tenderId, 'evaluator-evan');
    const award = expectStatus(await alice.post(`${base}/award`, { supplierId: 'acme' }), 200);
    body = await report(award.position);
    expect(body).toMatchObject({
      stage: 'standstill',
      counts: { received: 3, compliant: 2, excluded: 1, fullyEvaluated: 2 },
      coverage: { totals: { scored: 8, missing: 0, 'not-declared': 0 } },
      openViolations: [],
      award: { status: 'standstill', supplierId: 'acme', departures: [] },
    });
    // Birch, the cheapest bid, was excluded and the contract went to another: Cardinal's R036.
    expect(body.redFlags.map((f: any) => [f.code, f.supplierId])).toEqual([['R036', 'birch']]);
    expect(body.redFlags[0].evidence).toMatchObject({
      lowest: {
        supplierId: 'birch',
        price: { amount: PRICES.birch },
        reasonCode: 'requirements-not-met',
      },
      winner: { supplierId: 'acme', price: { amount: PRICES.acme } },
    });
  });
});
