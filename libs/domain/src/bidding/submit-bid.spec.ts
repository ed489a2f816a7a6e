import {
  amended,
  at,
  closedAtDeadline,
  drafted,
  msBefore,
  NOW,
  officer,
  otherSupplier,
  SUBMISSION_DEADLINE,
  tendering,
} from '../testing/notice-fixtures';
import type { NoticeEvent } from '../tender/events/notice';
import { given } from '../shared/testing';
import { bidDecider } from './decide';
import type { BidEvent } from '../tender/events/bidding';
import { bidFacts, bidSubmitted, HASH_A, HASH_B, revise, submit } from '../testing/bid-fixtures';

const lateRefusal = (
  attemptedAt: string,
  hash = HASH_A,
  submissionDeadline = SUBMISSION_DEADLINE,
) => ({
  type: 'LateBidRefused',
  data: {
    tenderId: 't-cameras',
    supplierId: 'org-acme',
    attemptedAt,
    submissionDeadline,
    contentHash: hash,
  },
});
const withdrawn: BidEvent = {
  type: 'BidWithdrawn',
  data: { tenderId: 't-cameras', supplierId: 'org-acme', withdrawnAt: NOW.toISOString() },
};
const cancelled: NoticeEvent = {
  type: 'TenderCancelled',
  data: { reason: 'r', cancelledAt: NOW.toISOString(), stage: 'tendering' },
};

describe('SubmitBid', () => {
  it('accepts a sealed bid, stamped with the server receipt time and notice version', () => {
    given(bidDecider, tendering())
      .when(submit())
      .then([{ type: 'BidSubmitted', data: bidFacts() }]);
  });

  it('states the uploaded documents the sealed content refers to, without their bytes', () => {
    const document = {
      documentId: 'd-1',
      sizeBytes: 5_000_000,
      sha256: HASH_B,
      sealedSha256: HASH_A,
    };
    const command = submit();
    if (command.type !== 'SubmitBid') throw new Error('a submission');
    given(bidDecider, tendering())
      .when({ ...command, bid: { ...command.bid, documents: [document] } })
      .then([{ type: 'BidSubmitted', data: { ...bidFacts(), documents: [document] } }]);
  });

  it('records the Idempotency-Key and the current notice version', () => {
    given(bidDecider, [...tendering(), amended({ title: 'Cameras' }, 2)])
      .when(submit({ idempotencyKey: 'k-1' }))
      .then([
        { type: 'BidSubmitted', data: bidFacts({ noticeVersion: 2, idempotencyKey: 'k-1' }) },
      ]);
  });

  describe('lateness by the server clock', () => {
    it('accepts a bid 1 ms before the deadline', () => {
      const justBefore = msBefore(SUBMISSION_DEADLINE, 1);
      given(bidDecider, tendering())
        .when(submit({ now: justBefore }))
        .then([
          { type: 'BidSubmitted', data: bidFacts({ receivedAt: '2025-03-31T11:59:59.999Z' }) },
        ]);
    });

    it('refuses a bid at exactly the deadline, and asks for the refusal to be recorded', () => {
      const error = given(bidDecider, tendering())
        .when(submit({ now: at(SUBMISSION_DEADLINE) }))
        .thenFails('LATE_BID', {
          submissionDeadline: SUBMISSION_DEADLINE,
          receivedAt: SUBMISSION_DEADLINE,
        });
      expect(error.record).toStrictEqual([lateRefusal(SUBMISSION_DEADLINE)]);
    });

    it('refuses a late bid whether or not tendering has been closed', () => {
      const now = at('2025-04-02T00:00:00.000Z');
      for (const history of [
        tendering(),
        [...tendering(), closedAtDeadline()],
        [...tendering(), cancelled],
      ]) {
        const error = given(bidDecider, history).when(submit({ now })).thenFails('LATE_BID');
        expect(error.record).toStrictEqual([lateRefusal(now.toISOString())]);
      }
    });

    it('goes by the amended deadline', () => {
      const extended = '2025-04-30T12:00:00.000Z';
      const history = [...tendering(), amended({ submissionDeadline: extended }, 2)];
      given(bidDecider, history)
        .when(submit({ now: at(SUBMISSION_DEADLINE) }))
        .then([
          {
            type: 'BidSubmitted',
            data: bidFacts({ receivedAt: SUBMISSION_DEADLINE, noticeVersion: 2 }),
          },
        ]);
      const error = given(bidDecider, history)
        .when(submit({ now: at(extended) }))
        .thenFails('LATE_BID', { submissionDeadline: extended });
      expect(error.record).toStrictEqual([lateRefusal(extended, HASH_A, extended)]);
    });
  });

  it('refuses a second submission: the supplier revises instead', () => {
    given(bidDecider, [...tendering(), bidSubmitted()])
      .when(submit({ hash: HASH_B }))
      .thenFails('BID_ALREADY_SUBMITTED', { receivedAt: NOW.toISOString() });
  });

  it('accepts a new submission after a withdrawal', () => {
    given(bidDecider, [...tendering(), bidSubmitted(), withdrawn])
      .when(submit({ hash: HASH_B }))
      .then([{ type: 'BidSubmitted', data: bidFacts({ hash: HASH_B }) }]);
  });

  describe('idempotency', () => {
    const accepted = [...tendering(), bidSubmitted({ idempotencyKey: 'k-1' })];

    it('answers a retry with the same key and content with no new events', () => {
      given(bidDecider, accepted)
        .when(submit({ idempotencyKey: 'k-1' }))
        .then([]);
    });

    it('answers a retry after the deadline with no events, not LATE_BID', () => {
      given(bidDecider, [...accepted, closedAtDeadline()])
        .when(submit({ idempotencyKey: 'k-1', now: at('2025-04-05T00:00:00Z') }))
        .then([]);
    });

    it('refuses the same key with other content, even after the deadline', () => {
      given(bidDecider, accepted)
        .when(submit({ idempotencyKey: 'k-1', hash: HASH_B }))
        .thenFails('IDEMPOTENCY_KEY_REUSED', { idempotencyKey: 'k-1' });
      given(bidDecider, accepted)
        .when(submit({ idempotencyKey: 'k-1', hash: HASH_B, now: at(SUBMISSION_DEADLINE) }))
        .thenFails('IDEMPOTENCY_KEY_REUSED');
    });

    it('treats a new key as a new request', () => {
      given(bidDecider, accepted)
        .when(submit({ idempotencyKey: 'k-2' }))
        .thenFails('BID_ALREADY_SUBMITTED');
      given(bidDecider, accepted)
        .when(submit({ idempotencyKey: 'toString' }))
        .thenFails('BID_ALREADY_SUBMITTED');
    });

    it('recognises a key first used for a revision', () => {
      const revised: BidEvent = {
        type: 'BidRevised',
        data: bidFacts({ hash: HASH_B, idempotencyKey: 'k-9' }),
      };
      given(bidDecider, [...accepted, revised])
        .when(revise({ idempotencyKey: 'k-9', hash: HASH_B }))
        .then([]);
    });
  });

  it('is refused on a cancelled tender before the deadline', () => {
    given(bidDecider, [...tendering(), cancelled])
      .when(submit())
      .thenFails('TENDERING_NOT_OPEN', { stage: 'cancelled' });
  });

  it('does not reveal a tender that is not published', () => {
    given(bidDecider, []).when(submit()).thenFails('TENDER_NOT_FOUND');
    given(bidDecider, [drafted()]).when(submit()).thenFails('TENDER_NOT_FOUND');
  });

  it('is for suppliers only, on their own bid stream', () => {
    given(bidDecider, tendering())
      .when(submit({ actor: officer }))
      .thenFails('ROLE_NOT_ALLOWED', { role: 'officer', allowed: ['supplier'] });
    given(bidDecider, [...tendering(), bidSubmitted()])
      .when(submit({ actor: otherSupplier }))
      .thenFails('NOT_YOUR_ORGANISATION');
  });
});
