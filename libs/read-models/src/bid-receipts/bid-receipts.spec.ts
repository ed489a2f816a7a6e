import { bid, project, published, recorded, TENDER } from '../testing/projected-history';
import { BID_RECEIPT_ROWS } from './bid-receipts.projection';

describe('the bid receipts read model (in memory)', () => {
  it('numbers each accepted version of a bid, and records nothing for a withdrawal', () => {
    const rows = project([
      ...published,
      recorded({ type: 'BidSubmitted', data: bid('h1', '2025-03-05T00:00:00.000Z', 1) }, 0, 'acme'),
      recorded({ type: 'BidRevised', data: bid('h2', '2025-03-06T00:00:00.000Z', 1) }, 1, 'acme'),
      recorded(
        {
          type: 'BidWithdrawn',
          data: { tenderId: TENDER, supplierId: 'acme', withdrawnAt: '2025-03-07T00:00:00.000Z' },
        },
        2,
        'acme',
      ),
      recorded({ type: 'BidSubmitted', data: bid('h3', '2025-03-08T00:00:00.000Z', 1) }, 3, 'acme'),
    ]);
    const receipts = rows.of(BID_RECEIPT_ROWS).filter(() => true);
    expect(receipts.map((r) => [r.kind, r.contentHash, r.ordinal, r.revision])).toEqual([
      ['submitted', 'h1', 1, 0],
      ['revised', 'h2', 2, 1],
      ['submitted', 'h3', 3, 3],
    ]);
    expect(receipts[0]).toMatchObject({
      tenderId: TENDER,
      supplierId: 'acme',
      streamName: `tender-${TENDER}.bid-acme`,
      receivedAt: '2025-03-05T00:00:00.000Z',
      sizeBytes: 10,
    });
  });
});
