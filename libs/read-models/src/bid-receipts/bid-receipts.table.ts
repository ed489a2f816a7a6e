import type { TableSpec } from '../runner/row-table';

export interface BidReceiptRow {
  eventId: string;
  tenderId: string;
  supplierId: string;
  kind: 'submitted' | 'revised';
  contentHash: string;
  sizeBytes: number;
  receivedAt: string;
  streamName: string;
  revision: number;
  /** "<commit>-<prepare>": the global position of the event that accepted this version. */
  position: string;
  /** 1 for the first accepted version of the bid, then 2, 3, … */
  ordinal: number;
}

export const BID_RECEIPTS: TableSpec<BidReceiptRow> = {
  table: 'rm_bid_receipts',
  columns: [
    'eventId',
    'tenderId',
    'supplierId',
    'kind',
    'contentHash',
    'sizeBytes',
    'receivedAt',
    'streamName',
    'revision',
    'position',
    'ordinal',
  ],
  keyColumns: ['eventId'],
  timeColumns: ['receivedAt'],
  insertOnly: true,
};
