import type { SqlQueryable } from '@fairtender/event-store';
import type { ProjectedEvent } from './projected-event';
import type { RowsSlice } from './rows-slice';
import { keyOf, rowKey, selectRows, writeRows, type TableSpec } from './row-table';

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
 * not several per event, is what lets a rebuild keep up with the log (docs/benchmarks.md). Generic: each read
 * model brings its own slice (`RowsSlice`), and reaches it, or another model's, with `of`.
 */
export class WorkingSet {
  private readonly slices = new Map<RowsSlice<unknown>, unknown>();

  /** `loaded`: the slices a batch loaded; without, any slice starts empty on first use (tests). */
  private constructor(private readonly loaded = false) {}

  /** A working set with nothing loaded: every slice starts empty. */
  static empty(): WorkingSet {
    return new WorkingSet();
  }

  static async load(
    tx: SqlQueryable,
    events: readonly ProjectedEvent[],
    slices: readonly RowsSlice<unknown>[],
  ): Promise<WorkingSet> {
    const set = new WorkingSet(true);
    for (const slice of slices) {
      if (set.slices.has(slice)) continue;
      const rows = slice.create();
      set.slices.set(slice, rows);
      await slice.load?.(rows, tx, events);
    }
    return set;
  }

  of<Rows>(slice: RowsSlice<Rows>): Rows {
    if (!this.slices.has(slice)) {
      if (this.loaded) throw new Error(`The ${slice.name} rows were not loaded for this batch`);
      this.slices.set(slice, slice.create());
    }
    return this.slices.get(slice) as Rows;
  }

  /** Writes every changed row, slice by slice in load order; returns how many rows were written. */
  async flush(tx: SqlQueryable): Promise<number> {
    let written = 0;
    for (const [slice, rows] of this.slices) written += await slice.flush(rows, tx);
    return written;
  }
}

/** A slice that is one table's `RowSet`, loaded by `load` (insert-only tables need none). */
export function tableSlice<Row>(
  spec: TableSpec<Row>,
  load?: (rows: RowSet<Row>, tx: SqlQueryable, events: readonly ProjectedEvent[]) => Promise<void>,
): RowsSlice<RowSet<Row>> {
  return {
    name: spec.table,
    create: () => new RowSet(spec),
    load,
    flush: (rows, tx) => rows.flush(tx),
  };
}

export const unique = (values: string[]) => [...new Set(values)];

/** Loads the rows of the tenders the events name, keyed by `tender_id`. */
export const byTender =
  <Row>(
    select: (events: readonly ProjectedEvent[]) => string[] = (events) =>
      events.map((e) => e.tenderId),
  ) =>
  async (rows: RowSet<Row>, tx: SqlQueryable, events: readonly ProjectedEvent[]) => {
    const tenderIds = unique(select(events));
    if (tenderIds.length > 0) await rows.load(tx, 'tender_id = ANY($1::text[])', [tenderIds]);
  };

export const UNNEST_PAIRS = '(SELECT * FROM unnest($1::text[], $2::text[]))';

/** `[tenderIds, values]` of the events whose data carries `field` (a supplier, a question). */
export function pairs(events: readonly ProjectedEvent[], field: string): [string[], string[]] {
  const seen = new Map<string, [string, string]>();
  for (const event of events) {
    const value = (event.data as Record<string, unknown> | null)?.[field];
    if (typeof value === 'string')
      seen.set(JSON.stringify([event.tenderId, value]), [event.tenderId, value]);
  }
  return [[...seen.values()].map(([t]) => t), [...seen.values()].map(([, v]) => v)];
}
