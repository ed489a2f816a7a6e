/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import { tenderStream } from '@fairtender/domain';
import { storedEvents } from '../support/bad-input';
import {
  CONTRACT,
  declareAndScore,
  expectStatus,
  openedTenderOnPostgres,
  PANEL,
  seatPanel,
  passStandstill,
  PRICES,
  REASONED_EXCLUSION,
  submit,
} from './award-fixtures';

const EXCLUDE = {
  decision: 'excluded',
  reasonCode: 'requirements-not-met',
  requirement: 'quality',
};

/**
 * Issue 12, findings 3 and 6, over HTTP on PostgreSQL: a reason must say something of its own and
 * name what the bid failed, and the contract is concluded at the price that was awarded.
 */
describe('Real reasons and the contract at the awarded price (PostgreSQL)', () => {
  const suite = openedTenderOnPostgres('e2e_award_reasons_contract');
  const { alice, base, seen } = suite;

  /** The answer, and that it wrote nothing at all. */
  const refusedWithoutTrace = async (send: () => Promise<any>) => {
    const before = await storedEvents(suite.database.url);
    const response = await send();
    expect(await storedEvents(suite.database.url)).toEqual(before);
    return response;
  };

  it.each([
    ['"Price. Price. Price. Price."', { reasonText: 'Price. Price. Price. Price.' }, 'too_short'],
    [
      'one word over and over',
      { reasonText: 'Price. Price. Price. Price. Price. Price. Price. Price.' },
      'too_few_distinct_words',
    ],
    [
      'a sentence pasted twice',
      {
        reasonText:
          'Storage falls short of the retention period. Storage falls short of the retention period.',
      },
      'repetition',
    ],
    [
      'a stock phrase',
      { reasonText: 'Not agreed by the panel after the discussion at the meeting.' },
      'too_few_content_words',
    ],
    [
      'no requirement named',
      { reasonText: REASONED_EXCLUSION.reasonText, requirement: undefined },
      'requirement_missing',
    ],
    [
      'a requirement the notice does not have',
      { reasonText: REASONED_EXCLUSION.reasonText, requirement: 'colour-of-the-logo' },
      'requirement_unknown',
    ],
  ])(
    'an exclusion with %s is refused: 422 EXCLUSION_UNREASONED, nothing written',
    async (_case, extra, problem) => {
      const response = await refusedWithoutTrace(() =>
        alice().post(`${base()}/compliance/cedar`, { ...EXCLUDE, ...extra }),
      );
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        code: 'EXCLUSION_UNREASONED',
        details: { supplierId: 'cedar', problem },
      });
    },
  );

  it('a reasoned exclusion names its requirement; the same text for a second bid is refused', async () => {
    seen(expectStatus(await alice().post(`${base()}/compliance/cedar`, REASONED_EXCLUSION), 200));
    const tender = await suite.api.store.readStream(tenderStream(suite.tenderId));
    expect(tender.find((event) => event.type === 'BidComplianceRecorded')?.data).toMatchObject({
      supplierId: 'cedar',
      decision: 'excluded',
      reasonCode: 'requirements-not-met',
      requirement: 'quality',
    });

    const pasted = await refusedWithoutTrace(() =>
      alice().post(`${base()}/compliance/birch`, {
        ...REASONED_EXCLUSION,
        reasonCode: 'incomplete-submission',
        reasonText: REASONED_EXCLUSION.reasonText.toUpperCase(),
      }),
    );
    expect(pasted.status).toBe(422);
    expect(pasted.body).toMatchObject({
      code: 'EXCLUSION_UNREASONED',
      details: { supplierId: 'birch', problem: 'reused_reason', sameAs: 'cedar' },
    });

    const report = expectStatus(
      await alice().get(`${base()}/integrity`, { 'x-min-position': suite.position }),
      200,
    );
    expect(report.excluded).toEqual([
      expect.objectContaining({ supplierId: 'cedar', requirement: 'quality' }),
    ]);
  });

  it('the award goes to Acme at its bid price; past the standstill a contract at 10× is refused, naming both', async () => {
    for (const supplierId of ['acme', 'birch']) {
      expectStatus(
        await alice().post(`${base()}/compliance/${supplierId}`, { decision: 'passed' }),
        200,
      );
    }
    await seatPanel(suite.api, suite.tenderId);
    const scores = {
      acme: { quality: 8, 'social-value': 6 },
      birch: { quality: 6, 'social-value': 6 },
    };
    for (const evaluator of PANEL) {
      await declareAndScore(suite.api, suite.tenderId, evaluator, scores);
      await submit(suite.api, suite.tenderId, evaluator);
    }
    seen(expectStatus(await alice().post(`${base()}/award`, { supplierId: 'acme' }), 200));
    const summary = expectStatus(
      await suite.api.as('supplier-cedar').get(`${base()}/assessment-summary`),
      200,
    );
    expect(summary.summary.exclusion).toMatchObject({ requirement: 'quality' });

    await passStandstill(suite.api, suite.tenderId);
    const tenfold = { ...CONTRACT, value: { amount: PRICES.acme * 10, currency: 'GBP' } };
    const refused = await refusedWithoutTrace(() => alice().post(`${base()}/contract`, tenfold));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'CONTRACT_VALUE_MISMATCH',
      details: {
        value: { amount: PRICES.acme * 10, currency: 'GBP' },
        awardedValue: { amount: PRICES.acme, currency: 'GBP' },
        supplierId: 'acme',
      },
    });
    expect(refused.body.message).toContain(`GBP ${PRICES.acme}`);
    expect(refused.body.message).toContain(`GBP ${PRICES.acme * 10}`);
  });

  it('without a value the contract takes the awarded price', async () => {
    const concluded = seen(
      expectStatus(
        await alice().post(`${base()}/contract`, { period: CONTRACT.period, kpis: CONTRACT.kpis }),
        201,
      ),
    );
    expect(concluded).toMatchObject({ stage: 'contracted', recorded: ['ContractConcluded'] });
    const notice = expectStatus(await suite.api.as(null).get(`${base()}/award`), 200);
    expect(notice.contract).toMatchObject({
      supplierId: 'acme',
      value: { amount: PRICES.acme, currency: 'GBP' },
    });
  });
});
