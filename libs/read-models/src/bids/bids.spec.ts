import { BID_RECEIPT_ROWS } from '../bid-receipts/bid-receipts.projection';
import { bid, project, published, recorded, TENDER } from '../testing/projected-history';
import { TENDER_ROWS } from '../tenders/tenders.projection';
import { BID_ROWS } from './bids.projection';

describe('read-model projections (in memory)', () => {
  it('an amendment flags a bid made against the old notice; a re-confirmation clears it', () => {
    const submitted = recorded(
      { type: 'BidSubmitted', data: bid('h1', '2025-03-05T00:00:00.000Z', 1) },
      0,
      'acme',
    );
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
    const rows = project([...published, submitted, amended]);
    expect(rows.of(TENDER_ROWS).get(TENDER)).toMatchObject({
      title: 'Cameras v2',
      noticeVersion: 2,
      lastRevision: 2,
    });
    expect(rows.of(BID_ROWS).get(TENDER, 'acme')).toMatchObject({
      needsReconfirmation: true,
      noticeVersion: 1,
    });

    const reconfirmed = recorded(
      {
        type: 'BidReconfirmed',
        data: {
          tenderId: TENDER,
          supplierId: 'acme',
          confirmedAt: '2025-03-07T00:00:00.000Z',
          noticeVersion: 2,
        },
      },
      1,
      'acme',
    );
    const after = project([...published, submitted, amended, reconfirmed]);
    expect(after.of(BID_ROWS).get(TENDER, 'acme')).toMatchObject({
      needsReconfirmation: false,
      lastRevision: 1,
    });
  });

  it('a revision keeps the first receipt time and adds a second receipt', () => {
    const rows = project([
      ...published,
      recorded({ type: 'BidSubmitted', data: bid('h1', '2025-03-05T00:00:00.000Z', 1) }, 0, 'acme'),
      recorded({ type: 'BidRevised', data: bid('h2', '2025-03-06T00:00:00.000Z', 1) }, 1, 'acme'),
    ]);
    expect(rows.of(BID_ROWS).get(TENDER, 'acme')).toMatchObject({
      contentHash: 'h2',
      firstReceivedAt: '2025-03-05T00:00:00.000Z',
      receivedAt: '2025-03-06T00:00:00.000Z',
      revisionCount: 1,
      receiptCount: 2,
    });
    expect(
      rows
        .of(BID_RECEIPT_ROWS)
        .filter(() => true)
        .map((r) => [r.kind, r.contentHash, r.ordinal]),
    ).toEqual([
      ['submitted', 'h1', 1],
      ['revised', 'h2', 2],
    ]);
  });

  it('ignores events before the tender exists, and types it does not know', () => {
    expect(project([published[1]]).of(TENDER_ROWS).get(TENDER)).toBeUndefined();
    const unknown = { ...published[1], type: 'SomethingNew', data: {} };
    expect(project([published[0], unknown]).of(TENDER_ROWS).get(TENDER)).toMatchObject({
      stage: 'draft',
      publishedAt: null,
      lastRevision: 1,
    });
  });
});
