import { given } from '../shared/testing';
import type { NoticeCommand } from './commands';
import { tenderDecider } from './decide';
import type { NoticeEvent } from '../tender/events/notice';
import {
  closedAtDeadline,
  drafted,
  NOW,
  officer,
  secondOfficer,
  tendering,
} from '../testing/notice-fixtures';

const cancel = (reason = 'Budget withdrawn by the council'): NoticeCommand => ({
  type: 'CancelTender',
  actor: officer,
  now: NOW,
  reason,
});

const opened: NoticeEvent[] = [
  ...tendering(),
  closedAtDeadline(),
  {
    type: 'BidOpeningConfirmed',
    data: { officerId: officer.userId, confirmedAt: '2025-04-01T09:00:00.000Z' },
  },
  {
    type: 'BidsOpened',
    data: {
      openedAt: '2025-04-01T09:01:00.000Z',
      officerIds: [officer.userId, secondOfficer.userId],
      bidStreams: [],
    },
  },
];

describe('CancelTender', () => {
  it.each([
    ['draft', [drafted()]],
    ['tendering', tendering()],
    ['closed', [...tendering(), closedAtDeadline()]],
    ['evaluation', opened],
  ])('cancels a tender in stage %s, recording that stage', (stage, history) => {
    given(tenderDecider, history)
      .when(cancel())
      .then([
        {
          type: 'TenderCancelled',
          data: {
            reason: 'Budget withdrawn by the council',
            cancelledAt: NOW.toISOString(),
            stage,
          },
        },
      ]);
  });

  it('is terminal: a cancelled tender cannot be cancelled again', () => {
    const cancelled: NoticeEvent = {
      type: 'TenderCancelled',
      data: { reason: 'x', cancelledAt: NOW.toISOString(), stage: 'tendering' },
    };
    given(tenderDecider, [...tendering(), cancelled])
      .when(cancel())
      .thenFails('ILLEGAL_STAGE', {
        stage: 'cancelled',
        allowed: ['draft', 'tendering', 'closed', 'evaluation', 'standstill'],
      });
  });

  it('needs a reason', () => {
    given(tenderDecider, tendering())
      .when(cancel('   '))
      .thenFails('INVALID_NOTICE', { field: 'reason' });
  });
});
