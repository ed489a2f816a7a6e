import type { SqlClient, SqlQueryable } from '@fairtender/event-store';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema) || schema === 'public' || schema.startsWith('pg_')) {
    throw new Error(
      `"${schema}" cannot be a rebuild schema: use lower-case letters, digits and _ (not public or pg_…)`,
    );
  }
}

/**
 * The same database seen through another schema: every statement runs in a transaction whose
 * search_path puts `schema` first, so the projections' unqualified table names (rm_tenders, …) land
 * there, while the event store's table is still found in public.
 */
export function inSchema(client: SqlClient, schema: string): SqlClient {
  assertSchemaName(schema);
  const enter = (tx: SqlQueryable) => tx.query(`SET LOCAL search_path TO ${schema}, public`);
  return {
    preparesStatements: false,
    query: <Row extends object>(text: string, params?: unknown[]) =>
      client.transaction(async (tx) => {
        await enter(tx);
        return tx.query<Row>(text, params);
      }),
    transaction: <T>(work: (tx: SqlQueryable) => Promise<T>) =>
      client.transaction(async (tx) => {
        await enter(tx);
        return work(tx);
      }),
    listen: () => Promise.reject(new Error('A schema view of the database does not LISTEN')),
    // The underlying client belongs to the caller.
    close: async () => undefined,
  };
}
