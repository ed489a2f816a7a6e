import { standingBids } from '../tender/bids-under-evaluation';
import type { TenderView } from '../tender/tender-view';
import { awardOf, latest, pricedBids, redFlag, round, type PricedBid } from './flag-support';
import type { RedFlag } from './report';
import type { IntegrityThresholds } from './thresholds';

const exclusion = ({ supplierId, price, reasonCode, reasonText }: PricedBid) => ({
  supplierId,
  price,
  reasonCode: reasonCode ?? null,
  reasonText: reasonText ?? null,
});

/**
 * Cardinal's bid-price indicators, on the prices opening put on the record (BidComplianceRecorded).
 * Those about the winner wait for an award (or a proposal awaiting its second officer).
 */
export function priceFlags(view: TenderView, thresholds: IntegrityThresholds): RedFlag[] {
  const bids = pricedBids(view);
  return [
    ...closeToWinner(view, bids, thresholds),
    ...identicalPrices(bids),
    ...allButWinnerDisqualified(view, bids),
    ...lowestDisqualified(view, bids),
    ...excessiveDisqualified(view, bids, thresholds),
  ];
}

/**
 * R024: another valid bid priced within the threshold of the winning bid (Cardinal compares the
 * second-lowest valid bid with a price-only winner; with weighted criteria, every other valid bid).
 */
function closeToWinner(
  view: TenderView,
  bids: PricedBid[],
  thresholds: IntegrityThresholds,
): RedFlag[] {
  const award = awardOf(view);
  const winner = award && bids.find((bid) => bid.supplierId === award.supplierId);
  if (!award || !winner || winner.price.amount <= 0) return [];
  const close = bids
    .filter(
      (bid) =>
        bid.supplierId !== winner.supplierId &&
        bid.decision === 'passed' &&
        bid.price.currency === winner.price.currency,
    )
    .map((bid) => ({
      supplierId: bid.supplierId,
      price: bid.price,
      differencePercent: round(
        ((bid.price.amount - winner.price.amount) / winner.price.amount) * 100,
        4,
      ),
    }))
    .filter(({ differencePercent }) => Math.abs(differencePercent) <= thresholds.closePricePercent);
  if (close.length === 0) return [];
  return [
    redFlag(
      'R024',
      {
        winner: { supplierId: winner.supplierId, price: winner.price },
        closeBids: close,
        thresholdPercent: thresholds.closePricePercent,
      },
      award.proposedAt,
      { supplierId: winner.supplierId },
    ),
  ];
}

/** R028: different bidders, the same price. Cardinal flags the tender and each of those bidders. */
function identicalPrices(bids: PricedBid[]): RedFlag[] {
  const groups = new Map<string, PricedBid[]>();
  for (const bid of bids) {
    const key = `${bid.price.amount} ${bid.price.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), bid]);
  }
  const flags: RedFlag[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const suppliers = group.map((bid) => bid.supplierId);
    const raisedAt = latest(group.map((bid) => bid.recordedAt));
    for (const supplierId of suppliers) {
      flags.push(
        redFlag('R028', { price: group[0].price, suppliers }, raisedAt, {
          key: `R028/${supplierId}`,
          supplierId,
        }),
      );
    }
  }
  return flags;
}

/** R035: the winner's is the only valid bid, and at least one other bidder was disqualified. */
function allButWinnerDisqualified(view: TenderView, bids: PricedBid[]): RedFlag[] {
  const award = awardOf(view);
  if (!award) return [];
  const valid = bids.filter((bid) => bid.decision === 'passed');
  const excluded = bids.filter((bid) => bid.decision === 'excluded');
  if (valid.length !== 1 || valid[0].supplierId !== award.supplierId || excluded.length < 1)
    return [];
  return [
    redFlag(
      'R035',
      {
        winner: { supplierId: award.supplierId, price: valid[0].price },
        bidsReceived: standingBids(view).length,
        excluded: excluded.map(exclusion),
        secondOfficerConfirmation: view.tender.award.awarded?.confirmedBy ?? null,
      },
      award.proposedAt,
      { supplierId: award.supplierId },
    ),
  ];
}

/** R036: the lowest-priced bid was disqualified, and the contract went to another. */
function lowestDisqualified(view: TenderView, bids: PricedBid[]): RedFlag[] {
  const award = awardOf(view);
  const winner = award && bids.find((bid) => bid.supplierId === award.supplierId);
  if (!award || !winner) return [];
  const comparable = bids.filter((bid) => bid.price.currency === winner.price.currency);
  if (comparable.length < 2) return [];
  const lowestAmount = Math.min(...comparable.map((bid) => bid.price.amount));
  const lowest = comparable.find(
    (bid) => bid.price.amount === lowestAmount && bid.decision === 'excluded',
  );
  if (!lowest) return [];
  return [
    redFlag(
      'R036',
      {
        lowest: exclusion(lowest),
        winner: { supplierId: winner.supplierId, price: winner.price },
      },
      award.proposedAt,
      { supplierId: lowest.supplierId },
    ),
  ];
}

/**
 * R038: the share of bids disqualified above the threshold. Cardinal compares buyers across tenders;
 * here the share is the tender's own, against a configured threshold.
 */
function excessiveDisqualified(
  view: TenderView,
  bids: PricedBid[],
  thresholds: IntegrityThresholds,
): RedFlag[] {
  const received = standingBids(view).length;
  const excluded = bids.filter((bid) => bid.decision === 'excluded');
  if (received === 0 || excluded.length === 0) return [];
  const percent = (excluded.length / received) * 100;
  if (!(round(percent, 4) > thresholds.excessiveExclusionPercent)) return [];
  return [
    redFlag(
      'R038',
      {
        bidsReceived: received,
        excludedBids: excluded.length,
        excludedPercent: round(percent),
        thresholdPercent: thresholds.excessiveExclusionPercent,
        excluded: excluded.map(exclusion),
      },
      latest(excluded.map((bid) => bid.recordedAt)),
    ),
  ];
}
