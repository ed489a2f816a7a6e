import { MIGRATIONS, type Migration } from './migrations';
import type { SqlClient } from './sql-client';

export interface MigrationReport {
  applied: Migration[];
  alreadyApplied: number;
}

/** Applies pending migrations in order, each in its own transaction, serialised by an advisory lock. */
export async function migrate(
  client: SqlClient,
  migrations = MIGRATIONS,
): Promise<MigrationReport> {
  const applied: Migration[] = [];
  let alreadyApplied = 0;
  for (const migration of migrations) {
    const didApply = await client.transaction(async (tx) => {
      // Under the lock, so that processes starting together neither race on creating the table
      // nor apply a migration twice.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('fairtender_schema_migrations'))`);
      await tx.query(`CREATE TABLE IF NOT EXISTS fairtender_schema_migrations (
        id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = await tx.query('SELECT 1 FROM fairtender_schema_migrations WHERE id = $1', [
        migration.id,
      ]);
      if (done.length > 0) return false;
      await tx.query(migration.sql);
      await tx.query('INSERT INTO fairtender_schema_migrations (id, name) VALUES ($1, $2)', [
        migration.id,
        migration.name,
      ]);
      return true;
    });
    if (didApply) applied.push(migration);
    else alreadyApplied += 1;
  }
  return { applied, alreadyApplied };
}
