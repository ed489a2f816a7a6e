import type { BidSubmitted } from '@fairtender/domain';
import type { ProjectedEvent } from '../runner/projected-event';
import type { Projection } from '../runner/projection';
import type { BidReceiptRow } from './bid-receipts.table';
import { BID_ROWS } from '../bids/bids.projection';
import { BID_RECEIPTS } from './bid-receipts.table';
import { tableSlice } from '../runner/working-set';

/** Insert-only: never read back. */
export const BID_RECEIPT_ROWS = tableSlice(BID_RECEIPTS);

/** The receipt of one accepted version of a bid: its `ordinal` among the bid's receipts. */
export function receiptFor(event: ProjectedEvent, ordinal: number): BidReceiptRow | undefined {
  if (event.type !== 'BidSubmitted' && event.type !== 'BidRevised') return undefined;
  const data = event.data as BidSubmitted['data'];
  return {
    eventId: event.eventId,
    tenderId: event.tenderId,
    supplierId: data.supplierId,
    kind: event.type === 'BidSubmitted' ? 'submitted' : 'revised',
    contentHash: data.contentHash,
    sizeBytes: data.sizeBytes,
    receivedAt: data.receivedAt,
    streamName: event.streamName,
    revision: event.revision,
    position: event.positionText,
    ordinal,
  };
}

/** rm_bid_receipts: insert-only, one row per accepted BidSubmitted/BidRevised. Runs after `bids`. */
export const bidReceiptsProjection: Projection = {
  name: 'bid receipts',
  group: 'tendering',
  slices: [BID_RECEIPT_ROWS, BID_ROWS],
  apply(rows, event) {
    if (event.type !== 'BidSubmitted' && event.type !== 'BidRevised') return;
    const supplierId = (event.data as { supplierId: string }).supplierId;
    const bid = rows.of(BID_ROWS).get(event.tenderId, supplierId);
    const receipt = receiptFor(event, bid?.receiptCount ?? 1);
    if (receipt) rows.of(BID_RECEIPT_ROWS).put(receipt);
  },
};
