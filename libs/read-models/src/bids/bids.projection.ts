import { evolveRow, type ProjectedEvent, type RowHandlers } from '../runner/projected-event';
import type { Projection } from '../runner/projection';
import type { BidRow } from './bids.table';
import { BIDS } from './bids.table';
import { TENDER_ROWS } from '../tenders/tenders.projection';
import { pairs, tableSlice, unique, UNNEST_PAIRS } from '../runner/working-set';

/** The bids the batch's events name, and every bid of a tender amended in the batch. */
export const BID_ROWS = tableSlice(BIDS, async (rows, tx, events) => {
  const bids = pairs(events, 'supplierId');
  const amended = unique(events.filter((e) => e.type === 'NoticeAmended').map((e) => e.tenderId));
  if (bids[0].length > 0 || amended.length > 0) {
    await rows.load(
      tx,
      `(tender_id, supplier_id) IN ${UNNEST_PAIRS} OR tender_id = ANY($3::text[])`,
      [...bids, amended],
    );
  }
});

const NO_BID: Omit<BidRow, 'tenderId' | 'supplierId'> = {
  status: 'none',
  contentHash: null,
  sizeBytes: null,
  firstReceivedAt: null,
  receivedAt: null,
  noticeVersion: null,
  needsReconfirmation: false,
  revisionCount: 0,
  receiptCount: 0,
  withdrawnAt: null,
  lateAttempts: 0,
  streamName: null,
  lastRevision: null,
};

const accepted = (
  row: BidRow,
  data: { contentHash: string; sizeBytes: number; receivedAt: string; noticeVersion: number },
): BidRow => ({
  ...row,
  status: 'submitted',
  contentHash: data.contentHash,
  sizeBytes: data.sizeBytes,
  firstReceivedAt: row.firstReceivedAt ?? data.receivedAt,
  receivedAt: data.receivedAt,
  noticeVersion: data.noticeVersion,
  receiptCount: row.receiptCount + 1,
  withdrawnAt: null,
});

/** rm_bids: one row per supplier and tender. `row` is never undefined here (see `bidsProjection`). */
export const bidHandlers: RowHandlers<BidRow> = {
  BidSubmitted: (row, data) => row && accepted(row, data),
  BidRevised: (row, data) =>
    row && { ...accepted(row, data), revisionCount: row.revisionCount + 1 },
  BidWithdrawn: (row, data) =>
    row && { ...row, status: 'withdrawn', withdrawnAt: data.withdrawnAt },
  BidReconfirmed: (row, data) => row && { ...row, noticeVersion: data.noticeVersion },
  LateBidRefused: (row) => row && { ...row, lateAttempts: row.lateAttempts + 1 },
};

const BID_EVENT_TYPES = new Set(Object.keys(bidHandlers));

/** Rule 6: a bid made against an older notice than the tender's current one must be re-confirmed. */
export function withReconfirmation(row: BidRow, tenderNoticeVersion: number): BidRow {
  const needsReconfirmation =
    row.status === 'submitted' && (row.noticeVersion ?? 0) < tenderNoticeVersion;
  return needsReconfirmation === row.needsReconfirmation ? row : { ...row, needsReconfirmation };
}

export function evolveBid(
  row: BidRow | undefined,
  event: ProjectedEvent,
  tenderNoticeVersion: number,
): BidRow | undefined {
  const supplierId = (event.data as { supplierId: string }).supplierId;
  const current = row ?? { tenderId: event.tenderId, supplierId, ...NO_BID };
  let next = evolveRow(bidHandlers, current, event, undefined) ?? current;
  // The refusals stream may hold a late attempt too: only the bid stream's own head is its ETag.
  if (event.streamKind === 'bid')
    next = { ...next, streamName: event.streamName, lastRevision: event.revision };
  return withReconfirmation(next, tenderNoticeVersion);
}

export const bidsProjection: Projection = {
  name: 'bids',
  group: 'tendering',
  slices: [BID_ROWS, TENDER_ROWS],
  apply(rows, event) {
    const noticeVersion = rows.of(TENDER_ROWS).get(event.tenderId)?.noticeVersion ?? 0;
    if (event.type === 'NoticeAmended' && event.streamKind === 'tender') {
      const bids = rows.of(BID_ROWS);
      for (const bid of bids.filter((b) => b.tenderId === event.tenderId)) {
        const next = withReconfirmation(bid, noticeVersion);
        if (next !== bid) bids.put(next);
      }
      return;
    }
    if (!BID_EVENT_TYPES.has(event.type)) return;
    const supplierId = (event.data as { supplierId: string }).supplierId;
    const bids = rows.of(BID_ROWS);
    bids.put(evolveBid(bids.get(event.tenderId, supplierId), event, noticeVersion)!);
  },
};
