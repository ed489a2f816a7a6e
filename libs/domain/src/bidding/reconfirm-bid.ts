import { DomainError } from '../shared/domain-error';
import type { BidReconfirmed } from './events';
import {
  isLate,
  lateBid,
  requireBidder,
  requireSubmitted,
  requireTendering,
  type Command,
} from './rules';
import type { BidDecisionState } from './state';

/** Rule 6: after an amendment the supplier confirms its bid stands against the new notice. */
export function reconfirmBid(
  command: Command<'ReconfirmBid'>,
  { tender, bid }: BidDecisionState,
): [BidReconfirmed] {
  const open = requireBidder(command.actor, tender, bid);
  if (isLate(open, command.now)) throw lateBid(open, command.now);
  requireTendering(open);
  requireSubmitted(bid);
  if ((bid.noticeVersion ?? 0) >= open.noticeVersion) {
    throw new DomainError(
      'BID_ALREADY_CONFIRMED',
      `Your bid already stands against notice version ${open.noticeVersion}`,
      { noticeVersion: open.noticeVersion },
    );
  }
  return [
    {
      type: 'BidReconfirmed',
      data: {
        tenderId: open.tenderId,
        supplierId: command.actor.organisationId,
        confirmedAt: command.now.toISOString(),
        noticeVersion: open.noticeVersion,
      },
    },
  ];
}
