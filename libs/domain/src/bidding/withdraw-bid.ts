import type { BidWithdrawn } from './events';
import {
  isLate,
  lateBid,
  requireBidder,
  requireSubmitted,
  requireTendering,
  type Command,
} from './rules';
import type { BidDecisionState } from './state';

/** Before the deadline only; nothing to record when refused, as nothing was offered. */
export function withdrawBid(
  command: Command<'WithdrawBid'>,
  { tender, bid }: BidDecisionState,
): [BidWithdrawn] {
  const open = requireBidder(command.actor, tender, bid);
  if (isLate(open, command.now)) throw lateBid(open, command.now);
  requireTendering(open);
  requireSubmitted(bid);
  const reason = command.reason?.trim();
  return [
    {
      type: 'BidWithdrawn',
      data: {
        tenderId: open.tenderId,
        supplierId: command.actor.organisationId,
        withdrawnAt: command.now.toISOString(),
        ...(reason ? { reason } : {}),
      },
    },
  ];
}
