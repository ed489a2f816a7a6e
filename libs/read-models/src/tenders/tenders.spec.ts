import { bid, project, published, recorded, TENDER } from '../testing/projected-history';
import { TENDER_ROWS } from './tenders.projection';

describe('the tenders read model (in memory)', () => {
  it('follows the notice from draft to published to amended, keeping every amendment', () => {
    const draft = project([published[0]]).of(TENDER_ROWS).get(TENDER);
    expect(draft).toMatchObject({ stage: 'draft', noticeVersion: 0, publishedAt: null });

    const amended = recorded(
      {
        type: 'NoticeAmended',
        data: {
          changes: { title: 'Cameras v2' },
          reason: 'typo',
          amendedAt: '2025-03-06T00:00:00.000Z',
          noticeVersion: 2,
        },
      },
      2,
    );
    expect(
      project([...published, amended])
        .of(TENDER_ROWS)
        .get(TENDER),
    ).toMatchObject({
      stage: 'tendering',
      title: 'Cameras v2',
      description: 'Body-worn',
      publishedAt: '2025-03-02T00:00:00.000Z',
      noticeVersion: 2,
      lastAmendedAt: '2025-03-06T00:00:00.000Z',
      amendments: [
        {
          noticeVersion: 2,
          changes: { title: 'Cameras v2' },
          reason: 'typo',
          amendedAt: '2025-03-06T00:00:00.000Z',
        },
      ],
      lastRevision: 2,
    });
  });

  it('records closing and cancellation, and takes its revision from the tender stream only', () => {
    const closed = recorded(
      {
        type: 'TenderingClosed',
        data: {
          closedAt: '2025-03-31T12:00:00.000Z',
          submissionDeadline: '2025-03-31T12:00:00.000Z',
        },
      },
      2,
    );
    const submitted = recorded(
      { type: 'BidSubmitted', data: bid('h1', '2025-03-05T00:00:00.000Z', 1) },
      7,
      'acme',
    );
    const cancelled = recorded(
      {
        type: 'TenderCancelled',
        data: {
          reason: 'budget withdrawn',
          cancelledAt: '2025-04-01T00:00:00.000Z',
          stage: 'closed',
        },
      },
      3,
    );
    const rows = project([...published, submitted, closed]);
    expect(rows.of(TENDER_ROWS).get(TENDER)).toMatchObject({
      stage: 'closed',
      closedAt: '2025-03-31T12:00:00.000Z',
      lastRevision: 2,
    });
    expect(
      project([...published, submitted, closed, cancelled])
        .of(TENDER_ROWS)
        .get(TENDER),
    ).toMatchObject({
      stage: 'cancelled',
      cancelledAt: '2025-04-01T00:00:00.000Z',
      cancellationReason: 'budget withdrawn',
      lastRevision: 3,
    });
  });
});
