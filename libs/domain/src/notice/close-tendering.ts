import { isSystemActor } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import { toMs } from '../shared/time';
import type { TenderingClosed } from '../tender/events/notice';
import { requireBuyerOfficer, requireStage, requireTender } from '../tender/guards';
import type { Command } from './commands';
import { STAGES_AFTER_CLOSING, type TenderState } from '../tender/state';

/**
 * Closes tendering once the submission deadline is reached: an officer of the buyer, or the scheduler
 * (the system actor). Idempotent, since scheduler jobs run at least once: a tender already closed (or
 * already opened) yields no events. Bids are refused from the deadline on whether or not this has run.
 */
export function closeTendering(
  command: Command<'CloseTendering'>,
  state: TenderState,
): TenderingClosed[] {
  const tender = requireTender(state);
  if (!isSystemActor(command.actor)) requireBuyerOfficer(tender, command.actor, 'close tendering');
  if (STAGES_AFTER_CLOSING.includes(tender.stage)) return [];
  requireStage(tender, ['tendering'], 'close tendering');
  const { submissionDeadline } = tender.notice.terms;
  if (command.now.getTime() < toMs(submissionDeadline)) {
    throw new DomainError(
      'DEADLINE_NOT_REACHED',
      `Tendering cannot close before the submission deadline ${submissionDeadline}`,
      { submissionDeadline },
    );
  }
  return [
    { type: 'TenderingClosed', data: { closedAt: command.now.toISOString(), submissionDeadline } },
  ];
}
