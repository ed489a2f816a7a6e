import type { SqlQueryable } from '@fairtender/event-store';
import { snakeCase, type TableSpec } from '../runner/row-table';
import { READ_MODELS } from '../read-models';

export interface RowDifference {
  kind: 'missing-from-live' | 'extra-in-live' | 'differs';
  /** The row's primary key, column → value. */
  key: Record<string, unknown>;
  /** Columns whose values differ (every column for a missing or extra row). */
  columns: string[];
  live: Record<string, unknown> | null;
  rebuilt: Record<string, unknown> | null;
}

export interface TableComparison {
  table: string;
  liveRows: number;
  rebuiltRows: number;
  /** Rows the rebuild has and the live table lacks. */
  missingFromLive: number;
  /** Rows the live table has and the rebuild does not. */
  extraInLive: number;
  /** Rows in both with different values. */
  differing: number;
  differences: number;
  /** The first few differences, in key order. */
  samples: RowDifference[];
}

const COMPARED = READ_MODELS.flatMap(
  (model) => model.tables,
) as unknown as readonly TableSpec<object>[];

interface DiffRow {
  missing: string;
  extra: string;
  differing: string;
  live_rows: string;
  rebuilt_rows: string;
  samples:
    { live: Record<string, unknown> | null; rebuilt: Record<string, unknown> | null }[] | null;
}

/**
 * Compares every read-model table of the live schema (the connection's own search_path) with the
 * same table in `schema`, row by row on the primary key, as `to_jsonb` of the whole row.
 */
export async function compareWithLive(
  tx: SqlQueryable,
  schema: string,
  sampleSize = 10,
): Promise<TableComparison[]> {
  const results: TableComparison[] = [];
  for (const spec of COMPARED) {
    const keys = spec.keyColumns.map(snakeCase);
    const on = keys.map((k) => `(l.row ->> '${k}') = (s.row ->> '${k}')`).join(' AND ');
    const order = keys.map((k) => `coalesce(live, rebuilt) ->> '${k}'`).join(', ');
    const [row] = await tx.query<DiffRow>(
      `WITH l AS (SELECT to_jsonb(t) AS row FROM ${spec.table} t),
            s AS (SELECT to_jsonb(t) AS row FROM ${schema}.${spec.table} t),
            d AS (SELECT l.row AS live, s.row AS rebuilt FROM l FULL JOIN s ON ${on}
                   WHERE l.row IS DISTINCT FROM s.row)
       SELECT (SELECT count(*) FROM d WHERE live IS NULL)::text AS missing,
              (SELECT count(*) FROM d WHERE rebuilt IS NULL)::text AS extra,
              (SELECT count(*) FROM d WHERE live IS NOT NULL AND rebuilt IS NOT NULL)::text AS differing,
              (SELECT count(*) FROM l)::text AS live_rows,
              (SELECT count(*) FROM s)::text AS rebuilt_rows,
              (SELECT jsonb_agg(x) FROM (SELECT live, rebuilt FROM d ORDER BY ${order} LIMIT ${sampleSize}) x) AS samples`,
    );
    const [missing, extra, differing] = [row.missing, row.extra, row.differing].map(Number);
    results.push({
      table: spec.table,
      liveRows: Number(row.live_rows),
      rebuiltRows: Number(row.rebuilt_rows),
      missingFromLive: missing,
      extraInLive: extra,
      differing,
      differences: missing + extra + differing,
      samples: (row.samples ?? []).map(({ live, rebuilt }) => describe(keys, live, rebuilt)),
    });
  }
  return results;
}

function describe(
  keys: string[],
  live: Record<string, unknown> | null,
  rebuilt: Record<string, unknown> | null,
): RowDifference {
  const either = (live ?? rebuilt)!;
  const key = Object.fromEntries(keys.map((k) => [k, either[k]]));
  if (!live)
    return { kind: 'missing-from-live', key, columns: Object.keys(rebuilt!), live, rebuilt };
  if (!rebuilt) return { kind: 'extra-in-live', key, columns: Object.keys(live), live, rebuilt };
  const columns = [...new Set([...Object.keys(live), ...Object.keys(rebuilt)])].filter(
    (c) => JSON.stringify(live[c]) !== JSON.stringify(rebuilt[c]),
  );
  return { kind: 'differs', key, columns, live, rebuilt };
}
