import type { BidEvent } from '../bidding/events';
import { evolveBid } from '../bidding/evolve';
import { initialBidState, type BidState } from '../bidding/state';
import type { EvaluatorEvent } from '../evaluation/events';
import { evolveSheet } from '../evaluation/evolve-sheet';
import type { EvaluatorSheet } from '../evaluation/state';
import { initialTenderState, type TenderState } from '../notice/state';
import { evolveTender } from './evolve-tender';
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

const BID_EVENTS = new Set<string>([
  'BidSubmitted',
  'BidRevised',
  'BidWithdrawn',
  'BidReconfirmed',
  'LateBidRefused',
]);
const EVALUATOR_EVENTS = new Set<string>([
  'ConflictOfInterestDeclared',
  'BidScored',
  'EvaluationSubmitted',
]);

/** Routes each event to the stream it belongs to: bids by supplier, sheets by evaluator. */
export function evolveTenderView(view: TenderView, event: TenderViewEvent): TenderView {
  if (BID_EVENTS.has(event.type)) {
    const bidEvent = event as BidEvent;
    const { supplierId } = bidEvent.data;
    const before = Object.hasOwn(view.bids, supplierId) ? view.bids[supplierId] : initialBidState();
    const after = evolveBid(before, bidEvent);
    return after === before ? view : { ...view, bids: { ...view.bids, [supplierId]: after } };
  }
  if (EVALUATOR_EVENTS.has(event.type)) {
    const evaluatorEvent = event as EvaluatorEvent;
    const { evaluatorId } = evaluatorEvent.data;
    const before = Object.hasOwn(view.sheets, evaluatorId) ? view.sheets[evaluatorId] : undefined;
    const after = evolveSheet(before, evaluatorEvent);
    return after === before ? view : { ...view, sheets: { ...view.sheets, [evaluatorId]: after } };
  }
  const tender = evolveTender(view.tender, event as TenderEvent);
  return tender === view.tender ? view : { ...view, tender };
}
