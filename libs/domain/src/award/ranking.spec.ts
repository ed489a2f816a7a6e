import {
  ACME,
  BETA,
  CEDAR,
  declared,
  EVA,
  fullyEvaluated,
  moderated,
  viewOf,
  type EvaluationPlan,
} from '../testing/evaluation-fixtures';
import { terms } from '../testing/notice-fixtures';
import { priceFraction, rankBids } from './ranking';

const ranked = (plan: EvaluationPlan, ...more: Parameters<typeof viewOf>[0]) =>
  rankBids(viewOf([...fullyEvaluated(plan), ...more]));
const gbp = (amount: number) => ({ amount, currency: 'GBP' });

describe('rankBids (rule 5)', () => {
  it('ranks by the weighted criteria, price relative to the lowest', () => {
    // quality 60, social 10, price 30 (notice-fixtures).
    expect(ranked({ bids: [ACME, BETA, CEDAR] })).toEqual([
      {
        supplierId: ACME,
        rank: 1,
        total: 81,
        price: gbp(200_000),
        scores: { quality: 8, social: 6, price: 9 },
      },
      {
        supplierId: BETA,
        rank: 2,
        total: 73,
        price: gbp(180_000),
        scores: { quality: 6, social: 7, price: 10 },
      },
      {
        supplierId: CEDAR,
        rank: 3,
        total: 69.5,
        price: gbp(240_000),
        scores: { quality: 7, social: 5, price: 7.5 },
      },
    ]);
  });

  it('scores price linearly between the lowest and the highest when the notice says linear', () => {
    expect(ranked({ bids: [ACME, BETA, CEDAR], terms: terms({ priceScoring: 'linear' }) })).toEqual(
      [
        {
          supplierId: ACME,
          rank: 1,
          total: 74,
          price: gbp(200_000),
          scores: { quality: 8, social: 6, price: 6.6667 },
        },
        {
          supplierId: BETA,
          rank: 2,
          total: 73,
          price: gbp(180_000),
          scores: { quality: 6, social: 7, price: 10 },
        },
        {
          supplierId: CEDAR,
          rank: 3,
          total: 47,
          price: gbp(240_000),
          scores: { quality: 7, social: 5, price: 0 },
        },
      ],
    );
  });

  it('a quality criterion counts the mean of the evaluators’ scores', () => {
    const [acme] = ranked({
      bids: [{ supplierId: ACME, scores: { quality: [6, 8, 10], social: [5, 6, 7] } }, BETA],
    });
    expect(acme).toMatchObject({ total: 81, scores: { quality: 8, social: 6 } });
  });

  it('a moderated score overrides the mean', () => {
    const ranking = ranked(
      { bids: [ACME, BETA] },
      moderated(ACME, 'quality', 5, [8, 8, 8], 'Agreed lower'),
    );
    expect(ranking.map(({ supplierId, rank, total }) => ({ supplierId, rank, total }))).toEqual([
      { supplierId: BETA, rank: 1, total: 73 },
      { supplierId: ACME, rank: 2, total: 63 },
    ]);
    expect(ranking[1].scores.quality).toBe(5);
  });

  it('leaves out the scores of an evaluator who declared a conflict with the bid', () => {
    const plan = { bids: [{ supplierId: ACME, scores: { quality: [2, 8, 8], social: 6 } }, BETA] };
    expect(ranked(plan)[1]).toMatchObject({ supplierId: ACME, scores: { quality: 6 } });
    expect(ranked(plan, declared(EVA, ACME, true))[0]).toMatchObject({
      supplierId: ACME,
      scores: { quality: 8 },
    });
  });

  it('equal totals share rank 1, listed by supplier id', () => {
    const same = { price: 200_000, scores: { quality: 8, social: 6 } };
    const ranking = ranked({
      bids: [{ supplierId: BETA, ...same }, { supplierId: ACME, ...same }, CEDAR],
    });
    expect(ranking.map(({ supplierId, rank }) => [supplierId, rank])).toEqual([
      [ACME, 1],
      [BETA, 1],
      [CEDAR, 3],
    ]);
  });

  it('ranks only compliant bids', () => {
    const ranking = ranked({ bids: [ACME, { supplierId: BETA, exclusion: {} }, CEDAR] });
    expect(ranking.map((bid) => bid.supplierId)).toEqual([ACME, CEDAR]);
    // The lowest compliant price is now ACME’s.
    expect(ranking[0].scores.price).toBe(10);
  });

  it('reads a scale that does not start at 0', () => {
    const [acme] = ranked({
      bids: [
        { supplierId: ACME, scores: { quality: 4, social: 2 } },
        { supplierId: BETA, scores: { quality: 1, social: 1 } },
      ],
      terms: terms({ scoringScale: { min: 1, max: 5 } }),
    });
    // quality (4-1)/4 × 60 = 45, social (2-1)/4 × 10 = 2.5, price 0.9 × 30 = 27.
    expect(acme).toMatchObject({
      supplierId: ACME,
      total: 74.5,
      scores: { quality: 4, social: 2, price: 4.6 },
    });
  });
});

describe('priceFraction', () => {
  it('relative to the lowest: lowest ÷ price', () => {
    expect(priceFraction('relative-to-lowest', 100, [100, 200])).toBe(1);
    expect(priceFraction('relative-to-lowest', 200, [100, 200])).toBe(0.5);
  });

  it('linear: the highest scores nothing, equal prices all score the top', () => {
    expect(priceFraction('linear', 150, [100, 150, 200])).toBe(0.5);
    expect(priceFraction('linear', 200, [100, 200])).toBe(0);
    expect(priceFraction('linear', 100, [100, 100])).toBe(1);
  });
});
