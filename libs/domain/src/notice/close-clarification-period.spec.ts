import { SCHEDULER_ACTOR, type SystemActor } from '../shared/actor';
import { given } from '../shared/testing';
import type { NoticeCommand } from './commands';
import { tenderDecider } from './decide';
import type { NoticeEvent } from '../tender/events/notice';
import {
  amended,
  at,
  CLARIFICATION_DEADLINE,
  closedAtDeadline,
  drafted,
  foreignOfficer,
  msBefore,
  officer,
  supplier,
  SUBMISSION_DEADLINE,
  tendering,
} from '../testing/notice-fixtures';

const closePeriod = (
  now: Date,
  actor: NoticeCommand['actor'] = SCHEDULER_ACTOR,
): NoticeCommand => ({
  type: 'CloseClarificationPeriod',
  actor,
  now,
});

const asked = (questionId: string): NoticeEvent => ({
  type: 'ClarificationRequested',
  data: {
    questionId,
    question: `Question ${questionId}?`,
    askedAt: '2025-03-05T10:00:00.000Z',
    supplierId: 'org-acme',
  },
});
const answered = (questionId: string): NoticeEvent => ({
  type: 'ClarificationAnswered',
  data: { questionId, answer: 'Yes.', answeredAt: '2025-03-06T10:00:00.000Z' },
});
const periodClosed = (closedAt = CLARIFICATION_DEADLINE): NoticeEvent => ({
  type: 'ClarificationPeriodClosed',
  data: { closedAt, clarificationDeadline: CLARIFICATION_DEADLINE, unansweredQuestions: 0 },
});

describe('CloseClarificationPeriod', () => {
  it('closes at the clarification deadline, counting the questions left unanswered', () => {
    const history = [...tendering(), asked('q1'), asked('q2'), answered('q1')];
    given(tenderDecider, history)
      .when(closePeriod(at(CLARIFICATION_DEADLINE)))
      .then([
        {
          type: 'ClarificationPeriodClosed',
          data: {
            closedAt: CLARIFICATION_DEADLINE,
            clarificationDeadline: CLARIFICATION_DEADLINE,
            unansweredQuestions: 1,
          },
        },
      ]);
  });

  it('refuses 1 ms before the deadline', () => {
    given(tenderDecider, tendering())
      .when(closePeriod(msBefore(CLARIFICATION_DEADLINE, 1)))
      .thenFails('DEADLINE_NOT_REACHED', { clarificationDeadline: CLARIFICATION_DEADLINE });
  });

  it('goes by the amended deadline, and an amended deadline opens a new period', () => {
    const extended = '2025-03-27T12:00:00.000Z';
    given(tenderDecider, [...tendering(), amended({ clarificationDeadline: extended }, 2)])
      .when(closePeriod(at(CLARIFICATION_DEADLINE)))
      .thenFails('DEADLINE_NOT_REACHED', { clarificationDeadline: extended });
    const reopened = [
      ...tendering(),
      periodClosed(),
      amended({ clarificationDeadline: extended }, 2),
    ];
    expect(
      given(tenderDecider, reopened).state().notice.clarificationPeriodClosedAt,
    ).toBeUndefined();
    given(tenderDecider, reopened)
      .when(closePeriod(at(extended)))
      .then([
        {
          type: 'ClarificationPeriodClosed',
          data: { closedAt: extended, clarificationDeadline: extended, unansweredQuestions: 0 },
        },
      ]);
  });

  it('is idempotent: a closed period, or tendering already over, gives no events', () => {
    given(tenderDecider, [...tendering(), periodClosed()])
      .when(closePeriod(at('2025-03-25T00:00:00.000Z')))
      .then([]);
    given(tenderDecider, [...tendering(), closedAtDeadline()])
      .when(closePeriod(at(SUBMISSION_DEADLINE)))
      .then([]);
  });

  it('an amendment of other terms leaves a closed period closed', () => {
    const history = [...tendering(), periodClosed(), amended({ title: 'Cameras' }, 2)];
    expect(given(tenderDecider, history).state().notice.clarificationPeriodClosedAt).toBe(
      CLARIFICATION_DEADLINE,
    );
  });

  it('accepts an officer of the buyer, refuses anyone else', () => {
    given(tenderDecider, tendering())
      .when(closePeriod(at(CLARIFICATION_DEADLINE), officer))
      .then([expect.objectContaining({ type: 'ClarificationPeriodClosed' }) as NoticeEvent]);
    given(tenderDecider, tendering())
      .when(closePeriod(at(CLARIFICATION_DEADLINE), foreignOfficer))
      .thenFails('NOT_YOUR_ORGANISATION');
    given(tenderDecider, tendering())
      .when(closePeriod(at(CLARIFICATION_DEADLINE), supplier))
      .thenFails('ROLE_NOT_ALLOWED', { role: 'supplier', allowed: ['officer'] });
  });

  it('refuses a draft or a cancelled tender, and a tender that does not exist', () => {
    given(tenderDecider, [drafted()])
      .when(closePeriod(at(CLARIFICATION_DEADLINE)))
      .thenFails('ILLEGAL_STAGE', { stage: 'draft', allowed: ['tendering'] });
    const cancelled: NoticeEvent = {
      type: 'TenderCancelled',
      data: { reason: 'r', cancelledAt: '2025-03-05T00:00:00.000Z', stage: 'tendering' },
    };
    given(tenderDecider, [...tendering(), cancelled])
      .when(closePeriod(at(CLARIFICATION_DEADLINE)))
      .thenFails('ILLEGAL_STAGE', { stage: 'cancelled' });
    given(tenderDecider, [])
      .when(closePeriod(at(CLARIFICATION_DEADLINE)))
      .thenFails('TENDER_NOT_FOUND');
  });

  it('accepts any system actor, whatever organisation it names', () => {
    const system: SystemActor = {
      userId: 'scheduler-2',
      organisationId: 'elsewhere',
      role: 'system',
    };
    given(tenderDecider, tendering())
      .when(closePeriod(at(CLARIFICATION_DEADLINE), system))
      .then([expect.objectContaining({ type: 'ClarificationPeriodClosed' }) as NoticeEvent]);
  });
});
