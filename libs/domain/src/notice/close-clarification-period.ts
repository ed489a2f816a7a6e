import { isSystemActor } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import { toMs } from '../shared/time';
import type { ClarificationPeriodClosed } from '../tender/events/notice';
import { requireBuyerOfficer, requireStage, requireTender } from '../tender/guards';
import type { Command } from './commands';
import { STAGES_AFTER_CLOSING, type TenderState } from '../tender/state';

/**
 * Closes the clarification period once its deadline is reached: the scheduler (the system actor) or an
 * officer of the buyer. Questions are refused from the deadline on by the clock anyway; this records
 * the moment, with how many questions were left unanswered (a red flag if tendering then closes so).
 * Idempotent: a period already closed, or a tender whose tendering is over, yields no events.
 */
export function closeClarificationPeriod(
  command: Command<'CloseClarificationPeriod'>,
  state: TenderState,
): ClarificationPeriodClosed[] {
  const tender = requireTender(state);
  if (!isSystemActor(command.actor)) {
    requireBuyerOfficer(tender, command.actor, 'close the clarification period');
  }
  if (STAGES_AFTER_CLOSING.includes(tender.stage)) return [];
  requireStage(tender, ['tendering'], 'close the clarification period');
  if (tender.notice.clarificationPeriodClosedAt !== undefined) return [];
  const { clarificationDeadline } = tender.notice.terms;
  if (command.now.getTime() < toMs(clarificationDeadline)) {
    throw new DomainError(
      'DEADLINE_NOT_REACHED',
      `The clarification period cannot close before its deadline ${clarificationDeadline}`,
      { clarificationDeadline },
    );
  }
  const unansweredQuestions = Object.values(tender.notice.clarifications).filter(
    (clarification) => clarification.answer === undefined,
  ).length;
  return [
    {
      type: 'ClarificationPeriodClosed',
      data: { closedAt: command.now.toISOString(), clarificationDeadline, unansweredQuestions },
    },
  ];
}
