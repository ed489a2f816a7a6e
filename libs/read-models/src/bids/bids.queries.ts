import type { SqlQueryable } from '@fairtender/event-store';
import { BID_RECEIPTS, type BidReceiptRow } from '../bid-receipts/bid-receipts.table';
import { selectRows } from '../runner/row-table';
import { BIDS, type BidRow } from './bids.table';

export type BidReceipt = BidReceiptRow;

/** A supplier's bid on one tender (never its content, which stays sealed) with every receipt. */
export interface SupplierBid extends BidRow {
  receipts: BidReceipt[];
}

/** Every supplier's row for one tender: who bid, who withdrew, and refused late attempts. */
export interface BidRegister {
  tenderId: string;
  bids: BidRow[];
  totals: {
    submitted: number;
    withdrawn: number;
    needingReconfirmation: number;
    lateAttempts: number;
  };
}

/** Every bid of a supplier, most recently received first, each with its receipts. */
export async function getSupplierBids(
  db: SqlQueryable,
  supplierId: string,
): Promise<SupplierBid[]> {
  const [bids, receipts] = await Promise.all([
    selectRows(
      db,
      BIDS,
      'supplier_id = $1',
      [supplierId],
      'ORDER BY received_at DESC NULLS LAST, tender_id',
    ),
    selectRows(db, BID_RECEIPTS, 'supplier_id = $1', [supplierId], 'ORDER BY tender_id, ordinal'),
  ]);
  return withReceipts(bids, receipts);
}

export async function getSupplierBid(
  db: SqlQueryable,
  tenderId: string,
  supplierId: string,
): Promise<SupplierBid | undefined> {
  const where = 'tender_id = $1 AND supplier_id = $2';
  const [bids, receipts] = await Promise.all([
    selectRows(db, BIDS, where, [tenderId, supplierId]),
    selectRows(db, BID_RECEIPTS, where, [tenderId, supplierId], 'ORDER BY ordinal'),
  ]);
  return withReceipts(bids, receipts)[0];
}

/** Every supplier's row on a tender, in order of first receipt, with totals. */
export async function getBidRegister(db: SqlQueryable, tenderId: string): Promise<BidRegister> {
  const bids = await selectRows(
    db,
    BIDS,
    'tender_id = $1',
    [tenderId],
    'ORDER BY first_received_at NULLS LAST, supplier_id',
  );
  const count = (predicate: (bid: BidRow) => boolean) => bids.filter(predicate).length;
  return {
    tenderId,
    bids,
    totals: {
      submitted: count((b) => b.status === 'submitted'),
      withdrawn: count((b) => b.status === 'withdrawn'),
      needingReconfirmation: count((b) => b.needsReconfirmation),
      lateAttempts: bids.reduce((sum, b) => sum + b.lateAttempts, 0),
    },
  };
}

function withReceipts(bids: BidRow[], receipts: BidReceiptRow[]): SupplierBid[] {
  const byBid = new Map<string, BidReceiptRow[]>();
  for (const receipt of receipts) {
    const key = JSON.stringify([receipt.tenderId, receipt.supplierId]);
    byBid.set(key, [...(byBid.get(key) ?? []), receipt]);
  }
  return bids.map((bid) => ({
    ...bid,
    receipts: byBid.get(JSON.stringify([bid.tenderId, bid.supplierId])) ?? [],
  }));
}
