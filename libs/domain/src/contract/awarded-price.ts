import type { TenderState } from '../tender/state';
import type { Money } from '../tender/terms';

/**
 * The price the award was made at: the winner's bid price as compliance read it from the opened
 * bid, carried in the award's ranking. A direct award ranks the compliant bids there are, so its
 * value is the awarded bid's price too.
 */
export function awardedPrice(tender: TenderState): Money {
  const award = tender.award.awarded!;
  const ranked = award.ranking.find((bid) => bid.supplierId === award.supplierId);
  const price = ranked?.price ?? tender.evaluation.compliance[award.supplierId]?.price;
  if (!price) {
    throw new Error(
      `The award to ${award.supplierId} carries no price: the award record is broken`,
    );
  }
  return { amount: price.amount, currency: price.currency };
}

export const formatMoney = (money: Money) => `${money.currency} ${money.amount}`;
