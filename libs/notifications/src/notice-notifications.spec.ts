import {
  evolveTender,
  initialTenderState,
  type NoticeEvent,
  type TenderState,
} from '@fairtender/domain';
import { notificationFor, recipientsOf } from './notice-notifications';
import { event, published, stream, TENDER } from './testing/tender-notifications';

function tenderAfter(events: NoticeEvent[]): TenderState {
  return events.reduce(evolveTender, initialTenderState());
}

const history: NoticeEvent[] = [
  ...published,
  {
    type: 'ClarificationRequested',
    data: {
      questionId: 'q1',
      question: 'Must footage stay in the UK?',
      askedAt: '2025-03-05T10:00:00.000Z',
      supplierId: 'org-acme',
    },
  },
];

describe('notifications from tender events', () => {
  it('a clarification answer: the question and its answer, never who asked', () => {
    const answered = {
      type: 'ClarificationAnswered' as const,
      data: { questionId: 'q1', answer: 'Yes.', answeredAt: '2025-03-06T10:00:00.000Z' },
    };
    const planned = notificationFor(
      event(answered.type, answered.data),
      tenderAfter([...history, answered]),
    );
    expect(planned).toEqual({
      audience: { kind: 'every-supplier' },
      notification: {
        id: '11111111-2222-4333-8444-555555555555',
        type: 'clarification.answered',
        tenderId: TENDER,
        occurredAt: '2025-03-06T10:00:00.000Z',
        data: {
          title: 'Body-worn cameras',
          questionId: 'q1',
          question: 'Must footage stay in the UK?',
          answer: 'Yes.',
          answeredAt: '2025-03-06T10:00:00.000Z',
        },
      },
    });
    expect(JSON.stringify(planned)).not.toContain('org-acme');
  });

  it('an amendment, a cancellation and the close of tendering', () => {
    const tender = tenderAfter(history);
    expect(
      notificationFor(
        event('NoticeAmended', {
          changes: { submissionDeadline: '2025-04-30T12:00:00.000Z' },
          reason: 'More time',
          amendedAt: '2025-03-10T09:00:00.000Z',
          noticeVersion: 2,
        }),
        tender,
      )?.notification,
    ).toMatchObject({
      type: 'notice.amended',
      occurredAt: '2025-03-10T09:00:00.000Z',
      data: { noticeVersion: 2, changes: { submissionDeadline: '2025-04-30T12:00:00.000Z' } },
    });
    expect(
      notificationFor(
        event('TenderCancelled', {
          reason: 'Withdrawn',
          cancelledAt: '2025-03-11T00:00:00Z',
          stage: 'tendering',
        }),
        tender,
      )?.notification,
    ).toMatchObject({
      type: 'tender.cancelled',
      data: { reason: 'Withdrawn', stage: 'tendering' },
    });
    expect(
      notificationFor(
        event('TenderingClosed', {
          closedAt: '2025-03-31T12:00:00.200Z',
          submissionDeadline: '2025-03-31T12:00:00.000Z',
        }),
        tender,
      )?.notification,
    ).toMatchObject({ type: 'tendering.closed', occurredAt: '2025-03-31T12:00:00.200Z' });
  });

  it('copies only the fields it names: a field added to an event later cannot leak', () => {
    const planned = notificationFor(
      event('TenderingClosed', {
        closedAt: '2025-03-31T12:00:00.200Z',
        submissionDeadline: '2025-03-31T12:00:00.000Z',
        bidders: ['org-acme', 'org-birch'],
      }),
      tenderAfter(history),
    );
    expect(JSON.stringify(planned)).not.toContain('org-');
  });

  it('says nothing of a cancelled draft, of bids, of questions, or of other streams', () => {
    const tender = tenderAfter(history.slice(0, 1));
    expect(
      notificationFor(
        event('TenderCancelled', {
          reason: 'r',
          cancelledAt: '2025-03-02T00:00:00Z',
          stage: 'draft',
        }),
        tender,
      ),
    ).toBeUndefined();
    expect(
      notificationFor(event('ClarificationRequested', history[2].data), tender),
    ).toBeUndefined();
    expect(notificationFor(event('BidSubmitted', {}), tender)).toBeUndefined();
    expect(
      notificationFor(
        {
          ...event('TenderingClosed', { closedAt: 'x', submissionDeadline: 'x' }),
          streamName: `${stream}.bid-org-acme`,
        },
        tender,
      ),
    ).toBeUndefined();
  });

  it('goes to every supplier with a webhook, or only to those an event names', () => {
    const e = event('TenderingClosed', {});
    const tender = tenderAfter(history);
    expect(recipientsOf({ kind: 'every-supplier' }, e, ['org-a', 'org-b'], tender)).toEqual([
      'org-a',
      'org-b',
    ]);
    expect(
      recipientsOf(
        { kind: 'suppliers', of: () => ['org-b', 'org-c'] },
        e,
        ['org-a', 'org-b'],
        tender,
      ),
    ).toEqual(['org-b']);
  });
});
