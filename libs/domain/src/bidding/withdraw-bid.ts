import type { BidWithdrawn } from '../tender/events/bidding';
import { requireChangeableOwnBid, type Command } from './rules';
import type { BidDecisionState } from '../tender/bid-state';

/** Before the deadline only; nothing to record when refused, as nothing was offered. */
export function withdrawBid(
  command: Command<'WithdrawBid'>,
  state: BidDecisionState,
): [BidWithdrawn] {
  const open = requireChangeableOwnBid(command, state);
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
