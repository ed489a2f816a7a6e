import {
  evolveTenderView,
  initialTenderView,
  type BidState,
  type IncumbentExtension,
  type TenderView,
  type TenderViewEvent,
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
 * One event into the integrity state: the tender view as the deciders fold it, keeping only what the
 * report reads of a bid (never its sealed content, nor the tender's wrapped data key), plus the
 * facts the view drops. Returns the same state when the event changes nothing.
 */
export function foldIntegrity(
  state: IntegrityState,
  event: ProjectedEvent,
  findExtensions: FindExtensions,
): IntegrityState {
  const before = state.view;
  const view = evolveTenderView(before, { type: event.type, data: event.data } as TenderViewEvent);
  if (view === before) return state;
  let next: IntegrityState = { ...state, view: compacted(view, before, event) };
  if (event.type === 'ContractChangeApproved') {
    const { changeId, approvedAt, approvedBy, redFlags } = event.data as {
      changeId: string;
      approvedAt: string;
      approvedBy: string;
      redFlags: IntegrityState['contractChanges'][number]['redFlags'];
    };
    next = {
      ...next,
      contractChanges: [...next.contractChanges, { changeId, approvedAt, approvedBy, redFlags }],
    };
  } else if (AWARD_EVENTS.has(event.type)) {
    const { supplierId } = event.data as { supplierId: string };
    const buyer = view.tender.buyerOrganisationId;
    next = {
      ...next,
      incumbentExtensions: buyer ? findExtensions(buyer, supplierId, event.tenderId) : [],
    };
  } else if (event.type === 'EvaluationReopened') {
    next = { ...next, incumbentExtensions: [] };
  }
  return next;
}

/** Drops what the report never reads and must never be kept here: ciphertext, keys, idempotency keys. */
function compacted(view: TenderView, before: TenderView, event: ProjectedEvent): TenderView {
  if (event.streamKind === 'bid') {
    const supplierId = (event.data as { supplierId: string }).supplierId;
    const bid = view.bids[supplierId];
    if (!bid || bid === before.bids[supplierId]) return view;
    return { ...view, bids: { ...view.bids, [supplierId]: compactBid(bid) } };
  }
  if (view.tender.sealingKey) {
    const { sealingKey: _withheld, ...tender } = view.tender;
    return { ...view, tender };
  }
  return view;
}

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
