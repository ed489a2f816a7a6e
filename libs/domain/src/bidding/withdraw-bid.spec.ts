import type { NoticeEvent } from '../tender/events/notice';
import {
  at,
  msBefore,
  NOW,
  officer,
  SUBMISSION_DEADLINE,
  supplier,
  tendering,
} from '../testing/notice-fixtures';
import { given } from '../shared/testing';
import type { BidCommand } from './commands';
import { bidDecider } from './decide';
import type { BidEvent } from '../tender/events/bidding';
import { bidSubmitted } from '../testing/bid-fixtures';

const withdraw = (now = NOW, reason?: string): BidCommand => ({
  type: 'WithdrawBid',
  actor: supplier,
  now,
  ...(reason === undefined ? {} : { reason }),
});
const cancelled: NoticeEvent = {
  type: 'TenderCancelled',
  data: { reason: 'r', cancelledAt: NOW.toISOString(), stage: 'tendering' },
};

describe('WithdrawBid', () => {
  it('withdraws a standing bid, with the reason when one is given', () => {
    given(bidDecider, [...tendering(), bidSubmitted()])
      .when(withdraw(NOW, 'Capacity committed elsewhere'))
      .then([
        {
          type: 'BidWithdrawn',
          data: {
            tenderId: 't-cameras',
            supplierId: 'org-acme',
            withdrawnAt: NOW.toISOString(),
            reason: 'Capacity committed elsewhere',
          },
        },
      ]);
    given(bidDecider, [...tendering(), bidSubmitted()])
      .when(withdraw())
      .then([
        {
          type: 'BidWithdrawn',
          data: { tenderId: 't-cameras', supplierId: 'org-acme', withdrawnAt: NOW.toISOString() },
        },
      ]);
  });

  it('accepts 1 ms before the deadline and refuses at it, with nothing to record', () => {
    const justBefore = msBefore(SUBMISSION_DEADLINE, 1);
    given(bidDecider, [...tendering(), bidSubmitted()])
      .when(withdraw(justBefore))
      .then([
        {
          type: 'BidWithdrawn',
          data: {
            tenderId: 't-cameras',
            supplierId: 'org-acme',
            withdrawnAt: justBefore.toISOString(),
          },
        },
      ]);
    const error = given(bidDecider, [...tendering(), bidSubmitted()])
      .when(withdraw(at(SUBMISSION_DEADLINE)))
      .thenFails('LATE_BID', { submissionDeadline: SUBMISSION_DEADLINE });
    expect(error.record).toEqual([]);
  });

  it('needs a standing bid', () => {
    given(bidDecider, tendering()).when(withdraw()).thenFails('BID_NOT_FOUND');
    const withdrawn: BidEvent = {
      type: 'BidWithdrawn',
      data: { tenderId: 't-cameras', supplierId: 'org-acme', withdrawnAt: NOW.toISOString() },
    };
    given(bidDecider, [...tendering(), bidSubmitted(), withdrawn])
      .when(withdraw())
      .thenFails('BID_NOT_FOUND');
  });

  it('is refused on a cancelled tender', () => {
    given(bidDecider, [...tendering(), bidSubmitted(), cancelled])
      .when(withdraw())
      .thenFails('TENDERING_NOT_OPEN', { stage: 'cancelled' });
  });

  it('is for suppliers only', () => {
    const command: BidCommand = { type: 'WithdrawBid', actor: officer, now: NOW };
    given(bidDecider, [...tendering(), bidSubmitted()])
      .when(command)
      .thenFails('ROLE_NOT_ALLOWED');
  });
});
