import type { SqlQueryable } from '@fairtender/event-store';
import type { ProjectedEvent } from './projected-event';
import type { BidReceiptRow, BidRow, ClarificationRow, TenderRow } from './rows';
import { keyOf, rowKey, selectRows, writeRows, type TableSpec } from './row-table';
import { BID_RECEIPTS, BIDS, CLARIFICATIONS, TENDERS } from './tables';
import { concernsOcds } from './ocds.projection';
import {
  OCDS_RELEASES,
  OCDS_TENDERS,
  type OcdsReleaseRow,
  type OcdsTenderRow,
} from './ocds-tables';
import { IntegrityRows } from './integrity-rows';

/** The rows of one table that a batch has read or written, keyed by primary key. */
export class RowSet<Row> {
  private readonly rows = new Map<string, Row>();
  private readonly changed = new Set<string>();

  constructor(readonly spec: TableSpec<Row>) {}

  /** `key` lists the key columns' values in order, e.g. `[tenderId, supplierId]`. */
  get(...key: unknown[]): Row | undefined {
    return this.rows.get(keyOf(key));
  }

  put(row: Row): void {
    const key = rowKey(this.spec, row);
    this.rows.set(key, row);
    this.changed.add(key);
  }

  /** Rows loaded or written in this batch that match (see `WorkingSet.load` for which are loaded). */
  filter(predicate: (row: Row) => boolean): Row[] {
    return [...this.rows.values()].filter(predicate);
  }

  async load(tx: SqlQueryable, where: string, params: unknown[]): Promise<void> {
    const rows = await selectRows(tx, this.spec, where, params);
    for (const row of rows) this.rows.set(rowKey(this.spec, row), row);
  }

  async flush(tx: SqlQueryable): Promise<number> {
    const rows = [...this.changed].map((key) => this.rows.get(key)!);
    await writeRows(tx, this.spec, rows);
    return rows.length;
  }
}

/**
 * Unit of work for one batch: the rows the batch's events touch are read once, projections evolve
 * them in memory, and each table is written back in one statement. A few round trips per batch,
 * not several per event, is what lets a rebuild keep up with the log (docs/benchmarks.md).
 */
export class WorkingSet {
  readonly tenders = new RowSet<TenderRow>(TENDERS);
  readonly clarifications = new RowSet<ClarificationRow>(CLARIFICATIONS);
  /** The bids the batch's events name, and every bid of a tender amended in the batch. */
  readonly bids = new RowSet<BidRow>(BIDS);
  /** Insert-only: never read back. */
  readonly bidReceipts = new RowSet<BidReceiptRow>(BID_RECEIPTS);
  /** Publication's state of the tenders whose events concern it; releases are insert-only. */
  readonly ocdsTenders = new RowSet<OcdsTenderRow>(OCDS_TENDERS);
  readonly ocdsReleases = new RowSet<OcdsReleaseRow>(OCDS_RELEASES);
  /** Competition integrity: each touched tender's state; reports and flags when the batch settles. */
  readonly integrity = new IntegrityRows();

  static async load(tx: SqlQueryable, events: readonly ProjectedEvent[]): Promise<WorkingSet> {
    const set = new WorkingSet();
    const tenderIds = unique(events.map((e) => e.tenderId));
    if (tenderIds.length > 0)
      await set.tenders.load(tx, 'tender_id = ANY($1::text[])', [tenderIds]);
    const questions = pairs(events, 'questionId');
    if (questions[0].length > 0) {
      await set.clarifications.load(tx, `(tender_id, question_id) IN ${UNNEST_PAIRS}`, questions);
    }
    const bids = pairs(events, 'supplierId');
    const amended = unique(events.filter((e) => e.type === 'NoticeAmended').map((e) => e.tenderId));
    if (bids[0].length > 0 || amended.length > 0) {
      await set.bids.load(
        tx,
        `(tender_id, supplier_id) IN ${UNNEST_PAIRS} OR tender_id = ANY($3::text[])`,
        [...bids, amended],
      );
    }
    const published = unique(events.filter(concernsOcds).map((e) => e.tenderId));
    if (published.length > 0)
      await set.ocdsTenders.load(tx, 'tender_id = ANY($1::text[])', [published]);
    await set.integrity.load(tx, events);
    return set;
  }

  /** Writes every changed row; returns how many rows were written. */
  async flush(tx: SqlQueryable): Promise<number> {
    let written = 0;
    for (const rows of [
      this.tenders,
      this.clarifications,
      this.bids,
      this.bidReceipts,
      this.ocdsTenders,
      this.ocdsReleases,
    ] as RowSet<unknown>[]) {
      written += await rows.flush(tx);
    }
    written += await this.integrity.flush(tx);
    return written;
  }
}

const UNNEST_PAIRS = '(SELECT * FROM unnest($1::text[], $2::text[]))';

const unique = (values: string[]) => [...new Set(values)];

/** `[tenderIds, values]` of the events whose data carries `field` (a supplier, a question). */
function pairs(events: readonly ProjectedEvent[], field: string): [string[], string[]] {
  const seen = new Map<string, [string, string]>();
  for (const event of events) {
    const value = (event.data as Record<string, unknown> | null)?.[field];
    if (typeof value === 'string')
      seen.set(JSON.stringify([event.tenderId, value]), [event.tenderId, value]);
  }
  return [[...seen.values()].map(([t]) => t), [...seen.values()].map(([, v]) => v)];
}
