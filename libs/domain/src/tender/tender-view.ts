import { BID_EVENT_TYPES, type BidEvent } from './events/bidding';
import { evolveBid } from './evolve/bid';
import { initialBidState, type BidState } from './bid-state';
import { EVALUATOR_EVENT_TYPES, type EvaluatorEvent } from './events/evaluation';
import { evolveSheet } from './evolve/sheet';
import type { EvaluatorSheet } from './evaluation-state';
import { initialTenderState, type TenderState } from './state';
import { evolveTender } from './evolve';
import type { TenderEvent } from './tender-events';

/**
 * A tender across its streams, as the evaluation and award rules need it: the tender stream, every
 * bid stream (up to the heads anchored at opening) and every evaluator's stream. Handlers assemble it
 * from the event store at command time, never from a read model (docs/rules.md).
 */
export interface TenderView {
  tender: TenderState;
  /** supplierId → the bid, folded from its stream. */
  bids: Record<string, BidState>;
  /** evaluatorId → that evaluator's sheet. */
  sheets: Record<string, EvaluatorSheet>;
}

export type TenderViewEvent = TenderEvent | BidEvent | EvaluatorEvent;

export const initialTenderView = (): TenderView => ({
  tender: initialTenderState(),
  bids: {},
  sheets: {},
});

const BID_EVENTS = new Set<string>(BID_EVENT_TYPES);
const EVALUATOR_EVENTS = new Set<string>(EVALUATOR_EVENT_TYPES);

/** The streams of one tender whose events fold into its view. */
export type TenderStreamKind = 'tender' | 'bid' | 'evaluator';

/** The stream an event of a tender's view belongs to, by its type. */
export function tenderStreamKindOf(type: string): TenderStreamKind {
  if (BID_EVENTS.has(type)) return 'bid';
  if (EVALUATOR_EVENTS.has(type)) return 'evaluator';
  return 'tender';
}

/**
 * The one router of a tender's streams (deciders, legal replay, the integrity projection): the tender
 * stream into the tender state, bids by supplier, sheets by evaluator. `inPlace` is for a caller that
 * owns its view (a replay, a projection batch): a tender of 1,000 bids is not copied per event.
 */
export function evolveTenderStreams(
  view: TenderView,
  kind: TenderStreamKind,
  event: TenderViewEvent,
  inPlace = false,
): TenderView {
  switch (kind) {
    case 'bid': {
      const bidEvent = event as BidEvent;
      const { supplierId } = bidEvent.data;
      const before = Object.hasOwn(view.bids, supplierId)
        ? view.bids[supplierId]
        : initialBidState();
      const after = evolveBid(before, bidEvent);
      if (after === before) return view;
      if (!inPlace) return { ...view, bids: { ...view.bids, [supplierId]: after } };
      view.bids[supplierId] = after;
      return view;
    }
    case 'evaluator': {
      const evaluatorEvent = event as EvaluatorEvent;
      const { evaluatorId } = evaluatorEvent.data;
      const before = Object.hasOwn(view.sheets, evaluatorId) ? view.sheets[evaluatorId] : undefined;
      const after = evolveSheet(before, evaluatorEvent);
      if (after === before || after === undefined) return view;
      if (!inPlace) return { ...view, sheets: { ...view.sheets, [evaluatorId]: after } };
      view.sheets[evaluatorId] = after;
      return view;
    }
    case 'tender': {
      const tender = evolveTender(view.tender, event as TenderEvent);
      if (tender === view.tender) return view;
      if (!inPlace) return { ...view, tender };
      view.tender = tender;
      return view;
    }
  }
}

/** Routes an event by its type; see `evolveTenderStreams`. */
export function evolveTenderView(view: TenderView, event: TenderViewEvent): TenderView {
  return evolveTenderStreams(view, tenderStreamKindOf(event.type), event);
}
