import { at, NOW, SUBMISSION_DEADLINE, tendering } from '../testing/notice-fixtures';
import { given } from '../shared/testing';
import { bidDecider } from './decide';
import type { BidEvent } from '../tender/events/bidding';
import { bidFacts, bidSubmitted, HASH_B, revise } from '../testing/bid-fixtures';

const withdrawn: BidEvent = {
  type: 'BidWithdrawn',
  data: { tenderId: 't-cameras', supplierId: 'org-acme', withdrawnAt: NOW.toISOString() },
};

describe('ReviseBid', () => {
  it('replaces a standing bid', () => {
    given(bidDecider, [...tendering(), bidSubmitted()])
      .when(revise({ hash: HASH_B, idempotencyKey: 'k-2' }))
      .then([{ type: 'BidRevised', data: bidFacts({ hash: HASH_B, idempotencyKey: 'k-2' }) }]);
  });

  it('needs a standing bid', () => {
    given(bidDecider, tendering()).when(revise()).thenFails('BID_NOT_FOUND', { status: 'none' });
    given(bidDecider, [...tendering(), bidSubmitted(), withdrawn])
      .when(revise())
      .thenFails('BID_NOT_FOUND', { status: 'withdrawn' });
  });

  it('refuses a revision at the deadline, recording it', () => {
    const error = given(bidDecider, [...tendering(), bidSubmitted()])
      .when(revise({ hash: HASH_B, now: at(SUBMISSION_DEADLINE) }))
      .thenFails('LATE_BID', { receivedAt: SUBMISSION_DEADLINE });
    expect(error.record).toStrictEqual([
      {
        type: 'LateBidRefused',
        data: {
          tenderId: 't-cameras',
          supplierId: 'org-acme',
          attemptedAt: SUBMISSION_DEADLINE,
          submissionDeadline: SUBMISSION_DEADLINE,
          contentHash: HASH_B,
        },
      },
    ]);
  });
});
