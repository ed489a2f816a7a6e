import { evolveTender } from '../evolve';
import type { NoticeEvent } from '../events/notice';
import type { BidEvent, BidSubmitted } from '../events/bidding';
import type { BidDecisionState, BidState } from '../bid-state';

/**
 * Folds one bid-stream event into the bid. `firstReceivedAt` and `revisionCount` describe the whole
 * stream, across withdrawals; the other fields describe the bid now standing.
 */
export function evolveBid(state: BidState, event: BidEvent): BidState {
  switch (event.type) {
    case 'BidSubmitted':
      return accept(state, event.data, state.revisionCount);
    case 'BidRevised':
      return accept(state, event.data, state.revisionCount + 1);
    case 'BidWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'BidReconfirmed':
      return { ...state, noticeVersion: event.data.noticeVersion };
    case 'LateBidRefused':
      return { ...state, lateAttempts: state.lateAttempts + 1 };
    default: {
      // Unknown at compile time is a missing case; unknown at run time is a newer event: ignored.
      const _exhaustive: never = event;
      return state;
    }
  }
}

/**
 * The bid standing after an accepted version. Every field is written out, in the order a bid's
 * fields have always had (those of `initialBidState` first), rather than spread: spreading the
 * previous state was three quarters of the CPU of folding a tender's bids (a legal replay, the
 * integrity projection), and a literal of one shape is several times faster.
 */
function accept(state: BidState, facts: BidSubmitted['data'], revisionCount: number): BidState {
  return {
    status: 'submitted',
    revisionCount,
    idempotencyKeys:
      facts.idempotencyKey === undefined
        ? state.idempotencyKeys
        : { ...state.idempotencyKeys, [facts.idempotencyKey]: facts.contentHash },
    lateAttempts: state.lateAttempts,
    tenderId: facts.tenderId,
    supplierId: facts.supplierId,
    contentHash: facts.contentHash,
    sizeBytes: facts.sizeBytes,
    sealed: facts.sealed,
    documents: facts.documents,
    receivedAt: facts.receivedAt,
    firstReceivedAt: state.firstReceivedAt ?? facts.receivedAt,
    noticeVersion: facts.noticeVersion,
  };
}

/**
 * Folds the tender stream and the supplier's bid stream into what a bid decision needs. Each event is
 * offered to both folds; each ignores the other's events.
 */
export function evolveBidDecision(
  state: BidDecisionState,
  event: NoticeEvent | BidEvent,
): BidDecisionState {
  const tender = evolveTender(state.tender, event as NoticeEvent);
  const bid = evolveBid(state.bid, event as BidEvent);
  return tender === state.tender && bid === state.bid ? state : { tender, bid };
}
