import { SCHEDULER_ACTOR } from '../shared/actor';
import { given } from '../shared/testing';
import type { NoticeCommand } from './commands';
import { tenderDecider } from './decide';
import type { NoticeEvent } from '../tender/events/notice';
import {
  amended,
  at,
  closedAtDeadline,
  drafted,
  foreignOfficer,
  msBefore,
  officer,
  secondOfficer,
  SUBMISSION_DEADLINE,
  supplier,
  tendering,
} from '../testing/notice-fixtures';

const close = (now: Date): NoticeCommand => ({ type: 'CloseTendering', actor: officer, now });

describe('CloseTendering', () => {
  it('closes at the submission deadline', () => {
    given(tenderDecider, tendering())
      .when(close(at(SUBMISSION_DEADLINE)))
      .then([
        {
          type: 'TenderingClosed',
          data: { closedAt: '2025-03-31T12:00:00.000Z', submissionDeadline: SUBMISSION_DEADLINE },
        },
      ]);
  });

  it('closes later too, when the job runs late', () => {
    const late = at('2025-03-31T12:05:00.000Z');
    given(tenderDecider, tendering())
      .when(close(late))
      .then([
        {
          type: 'TenderingClosed',
          data: { closedAt: late.toISOString(), submissionDeadline: SUBMISSION_DEADLINE },
        },
      ]);
  });

  it('refuses 1 ms before the deadline', () => {
    given(tenderDecider, tendering())
      .when(close(msBefore(SUBMISSION_DEADLINE, 1)))
      .thenFails('DEADLINE_NOT_REACHED', { submissionDeadline: SUBMISSION_DEADLINE });
  });

  it('goes by the amended deadline', () => {
    const extended = '2025-04-30T12:00:00.000Z';
    const history = [...tendering(), amended({ submissionDeadline: extended }, 2)];
    given(tenderDecider, history)
      .when(close(at(SUBMISSION_DEADLINE)))
      .thenFails('DEADLINE_NOT_REACHED', { submissionDeadline: extended });
  });

  it('is idempotent: closing a closed or opened tender gives no events', () => {
    given(tenderDecider, [...tendering(), closedAtDeadline()])
      .when(close(at('2025-04-01T00:00:00Z')))
      .then([]);
    const opened: NoticeEvent[] = [
      ...tendering(),
      closedAtDeadline(),
      {
        type: 'BidOpeningConfirmed',
        data: { officerId: 'u-alice', confirmedAt: '2025-04-01T09:00:00.000Z' },
      },
      {
        type: 'BidsOpened',
        data: {
          openedAt: '2025-04-01T09:00:30.000Z',
          officerIds: ['u-alice', secondOfficer.userId],
          bidStreams: [],
        },
      },
    ];
    given(tenderDecider, opened)
      .when(close(at('2025-04-02T00:00:00Z')))
      .then([]);
  });

  it('the scheduler (the system actor) closes it, and is refused before the deadline like anyone', () => {
    const bySystem = (now: Date): NoticeCommand => ({
      type: 'CloseTendering',
      actor: SCHEDULER_ACTOR,
      now,
    });
    given(tenderDecider, tendering())
      .when(bySystem(at(SUBMISSION_DEADLINE)))
      .then([
        {
          type: 'TenderingClosed',
          data: { closedAt: '2025-03-31T12:00:00.000Z', submissionDeadline: SUBMISSION_DEADLINE },
        },
      ]);
    given(tenderDecider, tendering())
      .when(bySystem(msBefore(SUBMISSION_DEADLINE, 1)))
      .thenFails('DEADLINE_NOT_REACHED');
    given(tenderDecider, [...tendering(), closedAtDeadline()])
      .when(bySystem(at(SUBMISSION_DEADLINE)))
      .then([]);
  });

  it('refuses an officer of another authority and a supplier', () => {
    given(tenderDecider, tendering())
      .when({ type: 'CloseTendering', actor: foreignOfficer, now: at(SUBMISSION_DEADLINE) })
      .thenFails('NOT_YOUR_ORGANISATION');
    given(tenderDecider, tendering())
      .when({ type: 'CloseTendering', actor: supplier, now: at(SUBMISSION_DEADLINE) })
      .thenFails('ROLE_NOT_ALLOWED');
  });

  it('refuses a draft or a cancelled tender', () => {
    given(tenderDecider, [drafted()])
      .when(close(at(SUBMISSION_DEADLINE)))
      .thenFails('ILLEGAL_STAGE', { stage: 'draft', allowed: ['tendering'] });
    const cancelled: NoticeEvent = {
      type: 'TenderCancelled',
      data: { reason: 'r', cancelledAt: '2025-03-05T00:00:00.000Z', stage: 'tendering' },
    };
    given(tenderDecider, [...tendering(), cancelled])
      .when(close(at(SUBMISSION_DEADLINE)))
      .thenFails('ILLEGAL_STAGE', { stage: 'cancelled' });
  });
});
