import { NOW, tendering } from '../../testing/notice-fixtures';
import { fold } from '../../shared/domain-event';
import type { BidEvent } from '../events/bidding';
import { evolveBid, evolveBidDecision } from './bid';
import { bidFacts, bidSubmitted, HASH_A, HASH_B, sealedBid } from '../../testing/bid-fixtures';
import { initialBidDecisionState } from '../../bidding/decide';
import { initialBidState } from '../bid-state';

const foldBid = (events: BidEvent[]) => fold(evolveBid, initialBidState(), events);
const late: BidEvent = {
  type: 'LateBidRefused',
  data: {
    tenderId: 't-cameras',
    supplierId: 'org-acme',
    attemptedAt: 'T9',
    submissionDeadline: 'T8',
    contentHash: HASH_B,
  },
};

describe('evolveBid', () => {
  it('folds a submission', () => {
    expect(foldBid([bidSubmitted({ idempotencyKey: 'k-1' })])).toStrictEqual({
      status: 'submitted',
      tenderId: 't-cameras',
      supplierId: 'org-acme',
      contentHash: HASH_A,
      sizeBytes: 2048,
      sealed: sealedBid(HASH_A).sealed,
      documents: [],
      receivedAt: NOW.toISOString(),
      firstReceivedAt: NOW.toISOString(),
      noticeVersion: 1,
      revisionCount: 0,
      idempotencyKeys: { 'k-1': HASH_A },
      lateAttempts: 0,
    });
  });

  it('folds a revision: the latest content, the first receipt kept, keys accumulated', () => {
    const revised: BidEvent = {
      type: 'BidRevised',
      data: bidFacts({ hash: HASH_B, receivedAt: 'T2', noticeVersion: 2, idempotencyKey: 'k-2' }),
    };
    expect(foldBid([bidSubmitted({ idempotencyKey: 'k-1' }), revised])).toMatchObject({
      status: 'submitted',
      contentHash: HASH_B,
      sealed: sealedBid(HASH_B).sealed,
      receivedAt: 'T2',
      firstReceivedAt: NOW.toISOString(),
      noticeVersion: 2,
      revisionCount: 1,
      idempotencyKeys: { 'k-1': HASH_A, 'k-2': HASH_B },
    });
  });

  it('keeps every field of a bid, in the order its fields have always had, through each kind of event', () => {
    const order = [
      'status',
      'revisionCount',
      'idempotencyKeys',
      'lateAttempts',
      'tenderId',
      'supplierId',
      'contentHash',
      'sizeBytes',
      'sealed',
      'documents',
      'receivedAt',
      'firstReceivedAt',
      'noticeVersion',
    ];
    const revised: BidEvent = { type: 'BidRevised', data: bidFacts({ hash: HASH_B }) };
    const withdrawn: BidEvent = {
      type: 'BidWithdrawn',
      data: { tenderId: 't-cameras', supplierId: 'org-acme', withdrawnAt: 'T3' },
    };
    const after = [
      foldBid([bidSubmitted()]),
      foldBid([late, bidSubmitted(), revised]),
      foldBid([bidSubmitted(), withdrawn, revised]),
    ];
    for (const bid of after) expect(Object.keys(bid)).toEqual(order);
    expect(after[1]).toStrictEqual({
      ...after[0],
      revisionCount: 1,
      lateAttempts: 1,
      contentHash: HASH_B,
      sealed: sealedBid(HASH_B).sealed,
    });
    expect(after[2]).toStrictEqual({ ...after[1], lateAttempts: 0 });
  });

  it('counts a late refusal and changes nothing else', () => {
    const before = foldBid([bidSubmitted()]);
    expect(evolveBid(before, late)).toStrictEqual({ ...before, lateAttempts: 1 });
    expect(foldBid([late, late])).toStrictEqual({ ...initialBidState(), lateAttempts: 2 });
  });

  it('folds a withdrawal, keeping the record of the bid, and a re-confirmation', () => {
    const before = foldBid([bidSubmitted()]);
    const withdrawn = evolveBid(before, {
      type: 'BidWithdrawn',
      data: { tenderId: 't-cameras', supplierId: 'org-acme', withdrawnAt: 'T3' },
    });
    expect(withdrawn).toStrictEqual({ ...before, status: 'withdrawn' });
    const confirmed = evolveBid(before, {
      type: 'BidReconfirmed',
      data: { tenderId: 't-cameras', supplierId: 'org-acme', confirmedAt: 'T4', noticeVersion: 3 },
    });
    expect(confirmed).toStrictEqual({ ...before, noticeVersion: 3 });
  });

  it('ignores events it does not know', () => {
    const state = foldBid([bidSubmitted()]);
    expect(evolveBid(state, { type: 'BidScored', data: {} } as unknown as BidEvent)).toBe(state);
  });
});

describe('evolveBidDecision', () => {
  it('folds tender events into the tender and bid events into the bid', () => {
    const state = fold(evolveBidDecision, initialBidDecisionState(), [
      ...tendering(),
      bidSubmitted(),
    ]);
    expect(state.tender).toMatchObject({ stage: 'tendering', notice: { version: 1 } });
    expect(state.bid).toMatchObject({ status: 'submitted', contentHash: HASH_A });
  });
});
