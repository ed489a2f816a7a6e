import {
  evolveBid,
  evolveSheet,
  evolveTender,
  initialBidState,
  initialTenderView,
  type BidEvent,
  type BidState,
  type EvaluatorEvent,
  type IncumbentExtension,
  type TenderEvent,
} from '@fairtender/domain';
import type { IntegrityState } from './integrity-tables';
import type { ProjectedEvent } from './projected-event';

export const initialIntegrityState = (): IntegrityState => ({
  view: initialTenderView(),
  contractChanges: [],
  incumbentExtensions: [],
  writtenFlags: {},
});

/** The streams the tender view is folded from; refusals and the audit stream change nothing in it. */
export const foldsIntoIntegrity = (event: ProjectedEvent) =>
  event.streamKind === 'tender' || event.streamKind === 'bid' || event.streamKind === 'evaluator';

export const AWARD_EVENTS = new Set(['AwardProposed', 'AwardConfirmationRequested']);

/** What the fold needs from other tenders: the winner's extended contracts with this buyer. */
export type FindExtensions = (
  buyerOrganisationId: string,
  supplierId: string,
  tenderId: string,
) => IncumbentExtension[];

/**
 * One event into the integrity state, in place: the tender view folded by the deciders' own
 * `evolveTender`, `evolveBid` and `evolveSheet` (routed by stream, as `evolveTenderView` routes them),
 * keeping only what the report reads of a bid — never its sealed content, nor the tender's wrapped
 * data key — plus the facts the view drops. In place, because the state belongs to the batch: a
 * tender of 1,000 bids must not copy its map of bids for each of their events. Returns whether the
 * event changed anything.
 */
export function foldIntegrity(
  state: IntegrityState,
  event: ProjectedEvent,
  findExtensions: FindExtensions,
): boolean {
  const { view } = state;
  const data = event.data as Record<string, unknown>;
  if (event.streamKind === 'bid') {
    const supplierId = data.supplierId as string;
    const before = Object.hasOwn(view.bids, supplierId) ? view.bids[supplierId] : initialBidState();
    const after = evolveBid(before, { type: event.type, data } as BidEvent);
    if (after === before) return false;
    view.bids[supplierId] = compactBid(after);
    return true;
  }
  if (event.streamKind === 'evaluator') {
    const evaluatorId = data.evaluatorId as string;
    const before = Object.hasOwn(view.sheets, evaluatorId) ? view.sheets[evaluatorId] : undefined;
    const after = evolveSheet(before, { type: event.type, data } as EvaluatorEvent);
    if (after === before) return false;
    view.sheets[evaluatorId] = after;
    return true;
  }
  const tender = evolveTender(view.tender, { type: event.type, data } as TenderEvent);
  if (tender === view.tender) return false;
  if (tender.sealingKey) {
    const { sealingKey: _withheld, ...rest } = tender;
    view.tender = rest;
  } else view.tender = tender;
  if (event.type === 'ContractChangeApproved') {
    const { changeId, approvedAt, approvedBy, redFlags } = data as Pick<
      IntegrityState['contractChanges'][number],
      'changeId' | 'approvedAt' | 'approvedBy' | 'redFlags'
    >;
    state.contractChanges.push({ changeId, approvedAt, approvedBy, redFlags });
  } else if (AWARD_EVENTS.has(event.type)) {
    const buyer = view.tender.buyerOrganisationId;
    state.incumbentExtensions = buyer
      ? findExtensions(buyer, data.supplierId as string, event.tenderId)
      : [];
  } else if (event.type === 'EvaluationReopened') {
    state.incumbentExtensions = [];
  }
  return true;
}

/** What the report reads of a bid: no ciphertext, commitment or idempotency keys. */
function compactBid(bid: BidState): BidState {
  const {
    sealed: _sealed,
    tenderId: _tender,
    supplierId: _supplier,
    sizeBytes: _size,
    contentHash: _hash,
    ...kept
  } = bid;
  return { ...kept, idempotencyKeys: {} };
}
