import type { SqlQueryable } from '@fairtender/event-store';

/** How a row type maps onto its table: columns are the snake_case of the row's keys. */
export interface TableSpec<Row> {
  table: string;
  columns: readonly (keyof Row & string)[];
  keyColumns: readonly (keyof Row & string)[];
  /** timestamptz columns: read back as ISO 8601 UTC (`…Z`) whatever the session time zone. */
  timeColumns: readonly (keyof Row & string)[];
  /** Rows are only ever inserted: a second write of a key is an error, never an overwrite. */
  insertOnly?: boolean;
}

export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camelCase = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function rowKey<Row>(spec: TableSpec<Row>, row: Row): string {
  return keyOf(spec.keyColumns.map((column) => row[column]));
}

/** A primary key's values as one map key: a lone text key as itself (a table's keys are all alike). */
export const keyOf = (values: readonly unknown[]): string =>
  values.length === 1 && typeof values[0] === 'string' ? values[0] : JSON.stringify(values);

/**
 * Rows selected as `to_jsonb(t)`: the same shapes on `pg` and PGlite, whose own type parsers differ
 * (bigint as string or number, timestamptz as Date).
 */
export async function selectRows<Row>(
  tx: SqlQueryable,
  spec: TableSpec<Row>,
  where: string,
  params: unknown[],
  /** ORDER BY / LIMIT clauses. */
  rest = '',
): Promise<Row[]> {
  const rows = await tx.query<{ row: Record<string, unknown> }>(
    `SELECT to_jsonb(t) AS row FROM ${spec.table} t WHERE ${where} ${rest}`,
    params,
  );
  return rows.map(({ row }) => fromColumns(spec, row));
}

function fromColumns<Row>(spec: TableSpec<Row>, record: Record<string, unknown>): Row {
  const row: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(record)) row[camelCase(column)] = value;
  for (const column of spec.timeColumns) {
    const value = row[column];
    if (typeof value === 'string') row[column] = new Date(value).toISOString();
  }
  return row as Row;
}

/**
 * Writes rows in one statement: an upsert, or a plain insert for `insertOnly` tables. A row already
 * stored with the same values is left as it is: no new row version, no index or WAL write.
 */
export async function writeRows<Row>(
  tx: SqlQueryable,
  spec: TableSpec<Row>,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = spec.columns.map(snakeCase);
  const pairs = spec.columns.map((column, i) => [column, columns[i]] as const);
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const [column, name] of pairs) record[name] = row[column] ?? null;
    return record;
  });
  await tx.query(
    `INSERT INTO ${spec.table} (${columns.join(', ')})
     SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::${spec.table}, $1::jsonb)
     ${spec.insertOnly ? '' : onConflictUpdate(spec.table, spec.keyColumns.map(snakeCase), columns)}`,
    [JSON.stringify(records)],
  );
}

/** Updates the stored row with the new values, unless they are the values it already has. */
export function onConflictUpdate(
  table: string,
  keys: readonly string[],
  columns: readonly string[],
) {
  const values = columns.filter((c) => !keys.includes(c));
  if (values.length === 0) return `ON CONFLICT (${keys.join(', ')}) DO NOTHING`;
  return `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${values.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
     WHERE (${values.map((c) => `${table}.${c}`).join(', ')}) IS DISTINCT FROM (${values.map((c) => `EXCLUDED.${c}`).join(', ')})`;
}
