import type { Actor } from '../shared/actor';
import { given } from '../shared/testing';
import type { NoticeCommand } from './commands';
import { tenderDecider } from './decide';
import type { ClarificationRequested, NoticeEvent } from '../tender/events/notice';
import {
  at,
  CLARIFICATION_DEADLINE,
  closedAtDeadline,
  drafted,
  msBefore,
  NOW,
  officer,
  otherSupplier,
  supplier,
  tendering,
} from '../testing/notice-fixtures';

const ask = (
  questionId = 'q1',
  question = 'May we offer a docking station?',
  { actor = supplier, now = NOW }: { actor?: Actor; now?: Date } = {},
): NoticeCommand => ({ type: 'AskClarification', actor, now, questionId, question });

const asked = (
  questionId = 'q1',
  question = 'May we offer a docking station?',
): ClarificationRequested => ({
  type: 'ClarificationRequested',
  data: { questionId, question, askedAt: NOW.toISOString(), supplierId: 'org-acme' },
});

describe('AskClarification', () => {
  it('records the question and, for the record only, the asking supplier', () => {
    given(tenderDecider, tendering()).when(ask()).then([asked()]);
  });

  it('accepts questions until 1 ms before the clarification deadline, not at it', () => {
    const justBefore = msBefore(CLARIFICATION_DEADLINE, 1);
    given(tenderDecider, tendering())
      .when(ask('q1', 'Why?', { now: justBefore }))
      .then([
        {
          type: 'ClarificationRequested',
          data: {
            questionId: 'q1',
            question: 'Why?',
            askedAt: justBefore.toISOString(),
            supplierId: 'org-acme',
          },
        },
      ]);
    given(tenderDecider, tendering())
      .when(ask('q1', 'Why?', { now: at(CLARIFICATION_DEADLINE) }))
      .thenFails('CLARIFICATION_DEADLINE_PASSED', {
        clarificationDeadline: CLARIFICATION_DEADLINE,
      });
  });

  it('is idempotent: the same question id and text again gives no events, even after the deadline', () => {
    given(tenderDecider, [...tendering(), asked()])
      .when(ask())
      .then([]);
    given(tenderDecider, [...tendering(), asked()])
      .when(ask('q1', 'May we offer a docking station?', { now: at('2025-03-30T00:00:00Z') }))
      .then([]);
  });

  it('refuses a question id reused for another question or by another supplier', () => {
    given(tenderDecider, [...tendering(), asked()])
      .when(ask('q1', 'Something else?'))
      .thenFails('CLARIFICATION_ID_REUSED', { questionId: 'q1' });
    given(tenderDecider, [...tendering(), asked()])
      .when(ask('q1', 'May we offer a docking station?', { actor: otherSupplier }))
      .thenFails('CLARIFICATION_ID_REUSED');
  });

  it('treats question ids like "constructor" as ordinary ids', () => {
    given(tenderDecider, tendering())
      .when(ask('constructor', 'Q?'))
      .then([
        {
          type: 'ClarificationRequested',
          data: {
            questionId: 'constructor',
            question: 'Q?',
            askedAt: NOW.toISOString(),
            supplierId: 'org-acme',
          },
        },
      ]);
  });

  it('is for suppliers only', () => {
    given(tenderDecider, tendering())
      .when(ask('q1', 'Why?', { actor: officer }))
      .thenFails('ROLE_NOT_ALLOWED', { role: 'officer', allowed: ['supplier'] });
  });

  it('does not reveal a draft to a supplier', () => {
    given(tenderDecider, [drafted()]).when(ask()).thenFails('TENDER_NOT_FOUND');
  });

  it('is refused once tendering has closed', () => {
    given(tenderDecider, [...tendering(), closedAtDeadline()])
      .when(ask())
      .thenFails('ILLEGAL_STAGE', { stage: 'closed', allowed: ['tendering'] });
  });

  it('needs a question', () => {
    given(tenderDecider, tendering())
      .when(ask('q1', ' '))
      .thenFails('INVALID_NOTICE', { field: 'question' });
  });
});

describe('AnswerClarification', () => {
  const answer = (questionId = 'q1', text = 'Yes, as an option.'): NoticeCommand => ({
    type: 'AnswerClarification',
    actor: officer,
    now: NOW,
    questionId,
    answer: text,
  });
  const answered: NoticeEvent = {
    type: 'ClarificationAnswered',
    data: { questionId: 'q1', answer: 'Yes, as an option.', answeredAt: NOW.toISOString() },
  };

  it('answers a question, for every supplier', () => {
    given(tenderDecider, [...tendering(), asked()])
      .when(answer())
      .then([answered]);
  });

  it('may answer after tendering has closed', () => {
    given(tenderDecider, [...tendering(), asked(), closedAtDeadline()])
      .when(answer())
      .then([answered]);
  });

  it('refuses an unknown question', () => {
    given(tenderDecider, [...tendering(), asked()])
      .when(answer('q9'))
      .thenFails('CLARIFICATION_NOT_FOUND', { questionId: 'q9' });
    given(tenderDecider, tendering()).when(answer('toString')).thenFails('CLARIFICATION_NOT_FOUND');
  });

  it('refuses a second answer', () => {
    given(tenderDecider, [...tendering(), asked(), answered])
      .when(answer('q1', 'No.'))
      .thenFails('CLARIFICATION_ALREADY_ANSWERED', {
        questionId: 'q1',
        answeredAt: NOW.toISOString(),
      });
  });

  it('needs an answer', () => {
    given(tenderDecider, [...tendering(), asked()])
      .when(answer('q1', ''))
      .thenFails('INVALID_NOTICE', { field: 'answer' });
  });

  it('is refused on a cancelled tender', () => {
    const cancelled: NoticeEvent = {
      type: 'TenderCancelled',
      data: { reason: 'r', cancelledAt: NOW.toISOString(), stage: 'tendering' },
    };
    given(tenderDecider, [...tendering(), asked(), cancelled])
      .when(answer())
      .thenFails('ILLEGAL_STAGE', { stage: 'cancelled', allowed: ['tendering', 'closed'] });
  });
});
