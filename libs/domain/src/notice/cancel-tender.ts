import type { TenderCancelled } from '../tender/events/notice';
import { requireBuyerOfficer, requireStage, requireText, requireTender } from '../tender/guards';
import type { Command } from './commands';
import type { TenderState } from '../tender/state';

/** A termination notice: the tender stops where it is, with the reason on record. Terminal. */
export function cancelTender(
  command: Command<'CancelTender'>,
  state: TenderState,
): [TenderCancelled] {
  const tender = requireTender(state);
  requireBuyerOfficer(tender, command.actor, 'cancel this tender');
  requireStage(
    tender,
    ['draft', 'tendering', 'closed', 'evaluation', 'standstill'],
    'cancel the tender',
  );
  const reason = requireText(command.reason, 'reason');
  return [
    {
      type: 'TenderCancelled',
      data: { reason, cancelledAt: command.now.toISOString(), stage: tender.stage },
    },
  ];
}
