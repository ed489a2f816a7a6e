import { DomainError } from '../shared/domain-error';
import type { BidReconfirmed } from '../tender/events/bidding';
import { requireChangeableOwnBid, type Command } from './rules';
import type { BidDecisionState } from '../tender/bid-state';

/** Rule 6: after an amendment the supplier confirms its bid stands against the new notice. */
export function reconfirmBid(
  command: Command<'ReconfirmBid'>,
  state: BidDecisionState,
): [BidReconfirmed] {
  const open = requireChangeableOwnBid(command, state);
  if ((state.bid.noticeVersion ?? 0) >= open.notice.version) {
    throw new DomainError(
      'BID_ALREADY_CONFIRMED',
      `Your bid already stands against notice version ${open.notice.version}`,
      { noticeVersion: open.notice.version },
    );
  }
  return [
    {
      type: 'BidReconfirmed',
      data: {
        tenderId: open.tenderId,
        supplierId: command.actor.organisationId,
        confirmedAt: command.now.toISOString(),
        noticeVersion: open.notice.version,
      },
    },
  ];
}
