/* eslint-disable @typescript-eslint/no-explicit-any -- compiled releases are JSON the test walks freely */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../../apps/cli/src/program';
import {
  CONTRACT,
  evaluateAndAward,
  expectStatus,
  openedTenderOnPostgres,
  passStandstill,
  PRICES,
  REASONED_EXCLUSION,
} from '../award/award-fixtures';
import { expectValidOcds } from './expect-valid-ocds';
import { assertValidOcds } from './ocds-schemas';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The fields the Open Contracting Partnership's Cardinal reads, in `fairtender ocds` output, for a
 * tender taken to a contract over HTTP: three bids, the cheapest (birch) excluded, acme awarded.
 */
describe('fairtender ocds: what Cardinal reads, after an award (PostgreSQL)', () => {
  const suite = openedTenderOnPostgres('e2e_ocds_cardinal');
  let compiled: any;

  beforeAll(async () => {
    const { api, tenderId, alice, base, seen } = suite;
    await evaluateAndAward(api, tenderId, {
      scores: {
        acme: { quality: 8, 'social-value': 6 },
        cedar: { quality: 6, 'social-value': 6 },
      },
      excluded: 'birch',
      winner: 'acme',
    });
    await passStandstill(api, tenderId);
    seen(expectStatus(await alice().post(`${base()}/contract`, CONTRACT), 201));

    await expectValidOcds(api.baseUrl, tenderId, { minPosition: suite.position });
    const dir = await mkdtemp(join(tmpdir(), 'cardinal-'));
    try {
      const out = join(dir, 'tenders.jsonl');
      const io = {
        env: { EVENT_STORE: 'postgres', DATABASE_URL: suite.database.url },
        print: () => undefined,
        warn: () => undefined,
      };
      await buildProgram(io).parseAsync(['node', 'fairtender', 'ocds', tenderId, '--out', out]);
      const lines = (await readFile(out, 'utf8')).trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      compiled = JSON.parse(lines[0]);
      assertValidOcds('release', compiled, 'compiled release from the CLI');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  const bid = (supplierId: string) =>
    compiled.bids.details.find((b: any) => b.tenderers[0].id === supplierId);

  it('the same compiled release as the API record', async () => {
    const { compiledRelease } = await expectValidOcds(suite.api.baseUrl, suite.tenderId, {
      minPosition: suite.position,
    });
    expect(compiled).toEqual(compiledRelease);
    expect(compiled.ocid).toBe(`ocds-fairtdr-${suite.tenderId}`);
  });

  it('R003: tender period start and end, and an open method', () => {
    const { tenderPeriod, procurementMethod } = compiled.tender;
    expect(procurementMethod).toBe('open');
    expect(
      Date.parse(tenderPeriod.endDate) - Date.parse(tenderPeriod.startDate),
    ).toBeGreaterThanOrEqual(15 * DAY);
  });

  it('R018: a competitive method and three tenderers, matching the bids', () => {
    expect(compiled.tender.numberOfTenderers).toBe(3);
    expect(compiled.bids.details).toHaveLength(3);
    expect(compiled.bids.statistics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ measure: 'bids', value: 3 }),
        expect.objectContaining({ measure: 'validBids', value: 2 }),
        expect.objectContaining({ measure: 'disqualifiedBidders', value: 1 }),
        expect.objectContaining({
          measure: 'lowestValidBidValue',
          value: PRICES.acme,
          currency: 'GBP',
        }),
      ]),
    );
  });

  it('R024/R028: each bid price, and one active award to one supplier', () => {
    for (const supplierId of ['acme', 'birch', 'cedar'] as const) {
      expect(bid(supplierId).value).toEqual({ amount: PRICES[supplierId], currency: 'GBP' });
    }
    const active = compiled.awards.filter((a: any) => a.status === 'active');
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({
      suppliers: [{ id: 'acme' }],
      value: { amount: PRICES.acme, currency: 'GBP' },
      relatedBid: bid('acme').id,
    });
    expect(compiled.contracts).toEqual([
      expect.objectContaining({ awardID: active[0].id, status: 'active', value: CONTRACT.value }),
    ]);
    expect(compiled.tender.status).toBe('complete');
  });

  it('R030: the winning valid bid was received before the deadline (compared as strings)', () => {
    expect(bid('acme').status).toBe('valid');
    for (const { date } of compiled.bids.details) {
      expect(date <= compiled.tender.tenderPeriod.endDate).toBe(true);
    }
  });

  it('R035/R036: valid and disqualified statuses with tenderer ids; the lowest bid is the disqualified one', () => {
    expect(compiled.bids.details.map((b: any) => [b.tenderers[0].id, b.status])).toEqual([
      ['acme', 'valid'],
      ['birch', 'disqualified'],
      ['cedar', 'valid'],
    ]);
    const lowest = [...compiled.bids.details].sort((a, b) => a.value.amount - b.value.amount)[0];
    expect(lowest).toMatchObject({ status: 'disqualified', tenderers: [{ id: 'birch' }] });
    // The exclusion's words stay out: only its effect is published.
    expect(JSON.stringify(compiled)).not.toContain(REASONED_EXCLUSION.reasonText);
    expect(JSON.stringify(compiled)).not.toMatch(/evaluator-|officer-/);
  });
});
