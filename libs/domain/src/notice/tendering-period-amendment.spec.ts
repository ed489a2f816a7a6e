import { given } from '../shared/testing';
import type { NoticeCommand } from './commands';
import { tenderDecider } from './decide';
import { officer, tendering, terms } from '../testing/notice-fixtures';
import { notice } from '../testing/tendering-periods';

describe('Statutory minimum tendering period: amendments', () => {
  const amend = (submissionDeadline: string): NoticeCommand => ({
    type: 'AmendNotice',
    actor: officer,
    now: new Date('2025-03-05T09:00:00.000Z'),
    changes: { submissionDeadline },
    reason: 'Timetable brought forward',
  });

  it('refuses bringing the deadline below the floor counted from the original publication', () => {
    given(tenderDecider, tendering(notice(terms().submissionDeadline)))
      .when(amend('2025-03-27T12:00:00.000Z'))
      .thenFails('TENDERING_PERIOD_TOO_SHORT', {
        floorDays: 25,
        givenDays: 24,
        source: 'Procurement Act 2023 s.54(3)',
        earliestDeadline: '2025-03-28T00:00:00.000Z',
      });
  });

  it('records the period again when the deadline moves lawfully', () => {
    const [event] = given(tenderDecider, tendering(notice(terms().submissionDeadline)))
      .when(amend('2025-03-28T12:00:00.000Z'))
      .then([
        {
          type: 'NoticeAmended',
          data: {
            changes: { submissionDeadline: '2025-03-28T12:00:00.000Z' },
            reason: 'Timetable brought forward',
            amendedAt: '2025-03-05T09:00:00.000Z',
            noticeVersion: 2,
            tenderingPeriod: {
              floorDays: 25,
              source: 'Procurement Act 2023 s.54(3)',
              givenDays: 25,
              earliestDeadline: '2025-03-28T00:00:00.000Z',
            },
          },
        },
      ]);
    expect(event.type).toBe('NoticeAmended');
  });
});
