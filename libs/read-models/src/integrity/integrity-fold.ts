import {
  evolveTender,
  evolveTenderStreams,
  initialBidState,
  initialTenderView,
  type BidState,
  type IncumbentExtension,
  type RecordedDirectAward,
  type TenderEvent,
  type TenderState,
  type TenderView,
} from '@fairtender/domain';
import type { IntegrityBid, IntegrityState, IntegrityView } from './integrity.table';
import type { ProjectedEvent } from '../runner/projected-event';

export const initialIntegrityState = (): IntegrityState => ({
  view: initialTenderView(),
  contractChanges: [],
  incumbentExtensions: [],
  directAwards: [],
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

/** What the fold needs from other tenders: the buyer's direct awards to the winner. */
export type FindDirectAwards = (
  buyerOrganisationId: string,
  supplierId: string,
  tenderId: string,
) => RecordedDirectAward[];

/**
 * One event into the integrity state, in place: the tender view folded by the deciders' own
 * router `evolveTenderStreams` (bids and sheets in place) and `evolveTender`,
 * keeping only what the report reads of a bid — never its sealed content, nor the tender's wrapped
 * data key — plus the facts the view drops. In place, because the state belongs to the batch: a
 * tender of 1,000 bids must not copy its map of bids for each of their events. Returns whether the
 * event changed anything.
 */
export function foldIntegrity(
  state: IntegrityState,
  event: ProjectedEvent,
  findExtensions: FindExtensions,
  findDirectAwards: FindDirectAwards = () => [],
): boolean {
  const { view } = state;
  const data = event.data as Record<string, unknown>;
  if (event.streamKind === 'bid' || event.streamKind === 'evaluator') {
    const bids = event.streamKind === 'bid';
    const key = (bids ? data.supplierId : data.evaluatorId) as string;
    const slot: Record<string, unknown> = bids ? view.bids : view.sheets;
    const stored = Object.hasOwn(slot, key) ? slot[key] : undefined;
    // The stored bid is slim: the fields the report does not read start afresh. No transition of
    // `evolveBid` reads them to decide `status` or `receivedAt`.
    const before = bids ? { ...initialBidState(), ...(stored as BidState | undefined) } : stored;
    if (bids) slot[key] = before;
    evolveTenderStreams(
      view as TenderView,
      event.streamKind,
      { type: event.type, data } as never,
      true,
    );
    const after = slot[key];
    if (after === before) {
      if (stored === undefined) delete slot[key];
      else slot[key] = stored;
      return false;
    }
    if (bids) slot[key] = slimBid(after as BidState);
    return true;
  }
  // The slim tender is a tender state to `evolveTender`: only `BidsOpened` touches the opened bid
  // streams, and it replaces them.
  const before = view.tender as TenderState;
  const tender = evolveTender(before, { type: event.type, data } as TenderEvent);
  if (tender === before) return false;
  view.tender = slimTender(tender, event.type === 'BidsOpened');
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
    state.directAwards = buyer
      ? findDirectAwards(buyer, data.supplierId as string, event.tenderId)
      : [];
  } else if (event.type === 'EvaluationReopened') {
    state.incumbentExtensions = [];
    state.directAwards = [];
  }
  return true;
}

/** What the report reads of a bid: its status and time of receipt (see `IntegrityBid`). */
function slimBid(bid: BidState): IntegrityBid {
  return bid.receivedAt === undefined
    ? { status: bid.status }
    : { status: bid.status, receivedAt: bid.receivedAt };
}

/** The tender without its wrapped data key, and of the opened bid streams only their suppliers. */
function slimTender(tender: TenderState, opened: boolean): IntegrityView['tender'] {
  const { sealingKey: _withheld, ...opening } = tender.opening;
  // Only `BidsOpened` writes the streams; after it, they are the suppliers already.
  if (!opened || !opening.bidStreams) return { ...tender, opening };
  const suppliers = opening.bidStreams.map(({ supplierId }) => ({ supplierId }));
  return { ...tender, opening: { ...opening, bidStreams: suppliers } };
}
