import type { Decider } from '../shared/domain-event';
import { assertNever } from '../shared/never';
import type { NoticeEvent } from '../tender/events/notice';
import { initialTenderState } from '../tender/state';
import type { BidCommand } from './commands';
import type { BidEvent } from '../tender/events/bidding';
import { evolveBidDecision } from '../tender/evolve/bid';
import { reconfirmBid } from './reconfirm-bid';
import { initialBidState, type BidDecisionState } from '../tender/bid-state';
import { reviseBid, submitBid } from './submit-bid';
import { withdrawBid } from './withdraw-bid';

/**
 * Decides a command on a supplier's bid stream against the tender as it stands. Pure: the handler
 * reads both streams, and appends the events (or a refusal's `record`) to the bid stream.
 */
export function decideBid(command: BidCommand, state: BidDecisionState): BidEvent[] {
  switch (command.type) {
    case 'SubmitBid':
      return submitBid(command, state);
    case 'ReviseBid':
      return reviseBid(command, state);
    case 'WithdrawBid':
      return withdrawBid(command, state);
    case 'ReconfirmBid':
      return reconfirmBid(command, state);
    default:
      return assertNever(command);
  }
}

export const initialBidDecisionState = (): BidDecisionState => ({
  tender: initialTenderState(),
  bid: initialBidState(),
});

/** The bid decider over both streams' events (tender first, then bid, or in global order). */
export const bidDecider: Decider<BidCommand, NoticeEvent | BidEvent, BidDecisionState> = {
  initialState: initialBidDecisionState,
  evolve: evolveBidDecision,
  decide: decideBid,
};
