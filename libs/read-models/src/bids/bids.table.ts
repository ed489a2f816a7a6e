import type { TableSpec } from '../runner/row-table';

export type BidRowStatus = 'none' | 'submitted' | 'withdrawn';

export interface BidRow {
  tenderId: string;
  supplierId: string;
  /** `none`: late attempts only, no bid ever accepted. */
  status: BidRowStatus;
  contentHash: string | null;
  sizeBytes: number | null;
  firstReceivedAt: string | null;
  receivedAt: string | null;
  /** Notice version the bid was made or last re-confirmed against. */
  noticeVersion: number | null;
  /** A submitted bid made against an older notice version than the tender's current one. */
  needsReconfirmation: boolean;
  revisionCount: number;
  receiptCount: number;
  withdrawnAt: string | null;
  lateAttempts: number;
  streamName: string | null;
  /** Revision of the last event of the bid stream: the stream's ETag. */
  lastRevision: number | null;
}

export const BIDS: TableSpec<BidRow> = {
  table: 'rm_bids',
  columns: [
    'tenderId',
    'supplierId',
    'status',
    'contentHash',
    'sizeBytes',
    'firstReceivedAt',
    'receivedAt',
    'noticeVersion',
    'needsReconfirmation',
    'revisionCount',
    'receiptCount',
    'withdrawnAt',
    'lateAttempts',
    'streamName',
    'lastRevision',
  ],
  keyColumns: ['tenderId', 'supplierId'],
  timeColumns: ['firstReceivedAt', 'receivedAt', 'withdrawnAt'],
};
