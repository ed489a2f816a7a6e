import { DomainError } from '../shared/domain-error';
import { toMs } from '../shared/time';
import type { ClarificationAnswered, ClarificationRequested } from '../tender/events/notice';
import {
  requireBuyerOfficer,
  requireRole,
  requireStage,
  requireText,
  requireTender,
} from '../tender/guards';
import type { Command } from './commands';
import type { TenderState } from '../tender/state';

/**
 * A supplier asks a question about a published notice. Retrying with the same question id and text is
 * accepted silently (no events), even after the deadline, so a lost response can be retried safely.
 */
export function askClarification(
  command: Command<'AskClarification'>,
  state: TenderState,
): ClarificationRequested[] {
  const tender = requireTender(state);
  requireRole(command.actor, 'supplier', 'ask a clarification question');
  // A draft is not public: to a supplier it does not exist yet (as for bids).
  if (tender.stage === 'draft')
    throw new DomainError('TENDER_NOT_FOUND', 'There is no such tender');
  requireText(command.questionId, 'questionId');
  const supplierId = command.actor.organisationId;
  if (Object.hasOwn(tender.notice.clarifications, command.questionId)) {
    const asked = tender.notice.clarifications[command.questionId];
    if (asked.question === command.question && asked.supplierId === supplierId) return [];
    throw new DomainError(
      'CLARIFICATION_ID_REUSED',
      `Question id ${command.questionId} was already used for another question`,
      { questionId: command.questionId },
    );
  }
  requireStage(tender, ['tendering'], 'ask a clarification question');
  const { clarificationDeadline } = tender.notice.terms;
  if (command.now.getTime() >= toMs(clarificationDeadline)) {
    throw new DomainError(
      'CLARIFICATION_DEADLINE_PASSED',
      `Questions were accepted until ${clarificationDeadline}`,
      { clarificationDeadline },
    );
  }
  const question = requireText(command.question, 'question');
  return [
    {
      type: 'ClarificationRequested',
      data: {
        questionId: command.questionId,
        question,
        askedAt: command.now.toISOString(),
        supplierId,
      },
    },
  ];
}

/** The answer goes to every supplier (rule 6); the asker stays anonymous. */
export function answerClarification(
  command: Command<'AnswerClarification'>,
  state: TenderState,
): [ClarificationAnswered] {
  const tender = requireTender(state);
  requireBuyerOfficer(tender, command.actor, 'answer clarification questions');
  requireStage(tender, ['tendering', 'closed'], 'answer a clarification question');
  if (!Object.hasOwn(tender.notice.clarifications, command.questionId)) {
    throw new DomainError(
      'CLARIFICATION_NOT_FOUND',
      `There is no question ${command.questionId} on this tender`,
      { questionId: command.questionId },
    );
  }
  const asked = tender.notice.clarifications[command.questionId];
  if (asked.answer !== undefined) {
    throw new DomainError(
      'CLARIFICATION_ALREADY_ANSWERED',
      `Question ${command.questionId} was answered at ${asked.answeredAt}`,
      { questionId: command.questionId, answeredAt: asked.answeredAt },
    );
  }
  const answer = requireText(command.answer, 'answer');
  return [
    {
      type: 'ClarificationAnswered',
      data: { questionId: command.questionId, answer, answeredAt: command.now.toISOString() },
    },
  ];
}
