import type { AwardProposal } from '../tender/events/award';
import { standingBids } from '../tender/bids-under-evaluation';
import type { ExclusionReasonCode } from '../tender/exclusion-reasons';
import type { TenderView } from '../tender/tender-view';
import type { Money } from '../tender/terms';
import { RED_FLAG_TITLES, type RedFlagCode } from './red-flag-codes';
import type { RedFlag } from './report';

export function redFlag(
  code: RedFlagCode,
  evidence: Record<string, unknown>,
  raisedAt: string,
  options: { key?: string; supplierId?: string } = {},
): RedFlag {
  return {
    key: options.key ?? code,
    code,
    title: RED_FLAG_TITLES[code],
    evidence,
    raisedAt,
    ...(options.supplierId === undefined ? {} : { supplierId: options.supplierId }),
  };
}

/** The award decided, or proposed and waiting for a second officer (rule 4). */
export const awardOf = (view: TenderView): AwardProposal | undefined =>
  view.tender.award.awarded ?? view.tender.award.pending;

/** Rounded for evidence, so that float noise never decides a flag nor shows in a report. */
export const round = (value: number, digits = 2) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

export interface PricedBid {
  supplierId: string;
  price: Money;
  decision: 'passed' | 'excluded';
  reasonCode?: ExclusionReasonCode;
  reasonText?: string;
  recordedAt: string;
}

/** Opened, standing bids whose price is on the record (compliance recorded), in supplier order. */
export function pricedBids(view: TenderView): PricedBid[] {
  const { compliance } = view.tender.evaluation;
  return standingBids(view)
    .filter((supplierId) => Object.hasOwn(compliance, supplierId))
    .sort((a, b) => compareText(a, b))
    .map((supplierId) => {
      const { price, decision, reasonCode, reasonText, recordedAt } = compliance[supplierId];
      return {
        supplierId,
        price: { ...price },
        decision,
        ...(reasonCode === undefined ? {} : { reasonCode }),
        ...(reasonText === undefined ? {} : { reasonText }),
        recordedAt,
      };
    });
}

/** Code-unit order: the same on every machine, unlike a locale's. */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const latest = (times: readonly string[]) =>
  times.reduce((last, time) => (time > last ? time : last), times[0]);
