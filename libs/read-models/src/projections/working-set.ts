import type { SqlQueryable } from '@fairtender/event-store';
import type { BidReceiptRow, BidRow, ClarificationRow, TenderRow } from './rows';
import { rowKey, selectRows, writeRows, type TableSpec } from './row-table';
import { BID_RECEIPTS, BIDS, CLARIFICATIONS, TENDERS } from './tables';

/** The rows of one table that a batch has read or written, keyed by primary key. */
export class RowSet<Row> {
  private readonly rows = new Map<string, Row>();
  private readonly changed = new Set<string>();

  constructor(readonly spec: TableSpec<Row>) {}

  /** `key` lists the key columns' values in order, e.g. `[tenderId, supplierId]`. */
  get(...key: unknown[]): Row | undefined {
    return this.rows.get(JSON.stringify(key));
  }

  put(row: Row): void {
    const key = rowKey(this.spec, row);
    this.rows.set(key, row);
    this.changed.add(key);
  }

  /** Rows loaded or written in this batch that match: complete for every tender of the batch. */
  filter(predicate: (row: Row) => boolean): Row[] {
    return [...this.rows.values()].filter(predicate);
  }

  /** Reads every row of these tenders (each table has a `tender_id` column). */
  async loadTenders(tx: SqlQueryable, tenderIds: readonly string[]): Promise<void> {
    const rows = await selectRows(tx, this.spec, 'tender_id = ANY($1::text[])', [tenderIds]);
    for (const row of rows) this.rows.set(rowKey(this.spec, row), row);
  }

  async flush(tx: SqlQueryable): Promise<number> {
    const rows = [...this.changed].map((key) => this.rows.get(key)!);
    await writeRows(tx, this.spec, rows);
    return rows.length;
  }
}

/**
 * Unit of work for one batch: every row of the batch's tenders is read once, projections evolve
 * them in memory, and each table is written back in one statement. A few round trips per batch,
 * not several per event, is what lets a rebuild keep up with the log (DESIGN §8).
 */
export class WorkingSet {
  readonly tenders = new RowSet<TenderRow>(TENDERS);
  readonly clarifications = new RowSet<ClarificationRow>(CLARIFICATIONS);
  readonly bids = new RowSet<BidRow>(BIDS);
  /** Insert-only: never read back. */
  readonly bidReceipts = new RowSet<BidReceiptRow>(BID_RECEIPTS);

  private get loadable() {
    return [this.tenders, this.clarifications, this.bids] as const;
  }

  static async load(tx: SqlQueryable, tenderIds: readonly string[]): Promise<WorkingSet> {
    const set = new WorkingSet();
    if (tenderIds.length === 0) return set;
    for (const rows of set.loadable) await rows.loadTenders(tx, tenderIds);
    return set;
  }

  /** Writes every changed row; returns how many rows were written. */
  async flush(tx: SqlQueryable): Promise<number> {
    let written = 0;
    for (const rows of [...this.loadable, this.bidReceipts]) written += await rows.flush(tx);
    return written;
  }
}
