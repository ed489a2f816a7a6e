import {
  amended,
  at,
  NOW,
  SUBMISSION_DEADLINE,
  supplier,
  tendering,
} from '../testing/notice-fixtures';
import { given } from '../shared/testing';
import type { BidCommand } from './commands';
import { bidDecider } from './decide';
import type { BidEvent } from '../tender/events/bidding';
import { bidFacts, bidSubmitted, HASH_B } from '../testing/bid-fixtures';

const reconfirm = (now = NOW): BidCommand => ({ type: 'ReconfirmBid', actor: supplier, now });

describe('ReconfirmBid (rule 6)', () => {
  const afterAmendment = [...tendering(), bidSubmitted(), amended({ title: 'Cameras' }, 2)];

  it('confirms a bid made against an older notice version', () => {
    given(bidDecider, afterAmendment)
      .when(reconfirm())
      .then([
        {
          type: 'BidReconfirmed',
          data: {
            tenderId: 't-cameras',
            supplierId: 'org-acme',
            confirmedAt: NOW.toISOString(),
            noticeVersion: 2,
          },
        },
      ]);
  });

  it('refuses a bid already standing against the current version', () => {
    given(bidDecider, [...tendering(), bidSubmitted()])
      .when(reconfirm())
      .thenFails('BID_ALREADY_CONFIRMED', { noticeVersion: 1 });
    const revised: BidEvent = {
      type: 'BidRevised',
      data: bidFacts({ hash: HASH_B, noticeVersion: 2 }),
    };
    given(bidDecider, [...afterAmendment, revised])
      .when(reconfirm())
      .thenFails('BID_ALREADY_CONFIRMED');
    const confirmed: BidEvent = {
      type: 'BidReconfirmed',
      data: {
        tenderId: 't-cameras',
        supplierId: 'org-acme',
        confirmedAt: NOW.toISOString(),
        noticeVersion: 2,
      },
    };
    given(bidDecider, [...afterAmendment, confirmed])
      .when(reconfirm())
      .thenFails('BID_ALREADY_CONFIRMED', { noticeVersion: 2 });
  });

  it('is refused at the deadline and without a standing bid', () => {
    given(bidDecider, afterAmendment)
      .when(reconfirm(at(SUBMISSION_DEADLINE)))
      .thenFails('LATE_BID');
    given(bidDecider, [...tendering(), amended({ title: 'Cameras' }, 2)])
      .when(reconfirm())
      .thenFails('BID_NOT_FOUND');
  });
});
