import { assessorsOf, compliantBids, scoreOf, sheetOf } from '../tender/bids-under-evaluation';
import { moderationKey } from '../tender/evaluation-state';
import type { TenderView } from '../tender/tender-view';
import type { AwardCriterion, PriceScoring, ScoringScale } from '../tender/terms';
import type { RankedBid } from '../tender/events/award';

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
/** Totals closer than this are a tie: float noise must not decide a winner. */
const TIE = 1e-6;

/** The fraction of the scale a price earns against the other compliant prices. */
export function priceFraction(
  method: PriceScoring,
  price: number,
  prices: readonly number[],
): number {
  const lowest = Math.min(...prices);
  if (method === 'linear') {
    const highest = Math.max(...prices);
    return highest === lowest ? 1 : (highest - price) / (highest - lowest);
  }
  return price <= 0 ? 1 : lowest / price;
}

/**
 * A quality criterion's score for a bid: the moderated one that counts (agreed within the panel's
 * range, or confirmed by a second officer), else the mean of its evaluators'. `panelOnly`: the mean.
 */
function qualityScore(
  view: TenderView,
  supplierId: string,
  criterionId: string,
  panelOnly: boolean,
): number | undefined {
  const { moderated } = view.tender.evaluation;
  const key = moderationKey(supplierId, criterionId);
  if (!panelOnly && Object.hasOwn(moderated, key)) return moderated[key].agreedScore;
  const scores = assessorsOf(view, supplierId)
    .map((evaluatorId) => scoreOf(sheetOf(view, evaluatorId), supplierId, criterionId)?.score)
    .filter((score): score is number => score !== undefined);
  return scores.length === 0
    ? undefined
    : scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

/**
 * Rule 5: the compliant bids ranked by the notice's weighted criteria, computed by the system. Each
 * criterion contributes weight × the score's fraction of the scale; totals run 0–100. Equal totals
 * share a rank. `basis: 'panel'` ranks on the evaluators' means alone, without moderation.
 */
export function rankBids(
  view: TenderView,
  { basis = 'moderated' }: { basis?: 'moderated' | 'panel' } = {},
): RankedBid[] {
  const {
    notice: { terms },
    evaluation,
  } = view.tender;
  if (!terms) return [];
  const suppliers = compliantBids(view);
  const prices = suppliers.map((supplierId) => evaluation.compliance[supplierId].price.amount);
  const method = terms.priceScoring ?? 'relative-to-lowest';
  const scored = suppliers.map((supplierId) => {
    const { price } = evaluation.compliance[supplierId];
    const scores: Record<string, number> = {};
    let total = 0;
    for (const criterion of terms.awardCriteria) {
      const fraction = criterionFraction(
        view,
        supplierId,
        criterion,
        terms.scoringScale,
        method,
        price.amount,
        prices,
        basis === 'panel',
      );
      scores[criterion.id] = round4(
        terms.scoringScale.min + fraction * (terms.scoringScale.max - terms.scoringScale.min),
      );
      total += criterion.weight * fraction;
    }
    return { supplierId, total, price: { ...price }, scores };
  });
  return scored
    .map((bid) => ({
      ...bid,
      rank: 1 + scored.filter((other) => other.total - bid.total > TIE).length,
    }))
    .sort((a, b) => a.rank - b.rank || a.supplierId.localeCompare(b.supplierId))
    .map(({ supplierId, rank, total, price, scores }) => ({
      supplierId,
      rank,
      total: round4(total),
      price,
      scores,
    }));
}

function criterionFraction(
  view: TenderView,
  supplierId: string,
  criterion: AwardCriterion,
  scale: ScoringScale,
  method: PriceScoring,
  price: number,
  prices: readonly number[],
  panelOnly: boolean,
): number {
  if (criterion.kind === 'price') return priceFraction(method, price, prices);
  const score = qualityScore(view, supplierId, criterion.id, panelOnly);
  return score === undefined ? 0 : (score - scale.min) / (scale.max - scale.min);
}
