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

/** The migrations of a list not yet applied to the database (all of them before the first). */
export async function pendingMigrations(
  client: SqlClient,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<Migration[]> {
  const table = await client.query<{ present: boolean }>(
    `SELECT to_regclass('fairtender_schema_migrations') IS NOT NULL AS present`,
  );
  if (!table[0]?.present) return [...migrations];
  const rows = await client.query<{ id: number }>('SELECT id FROM fairtender_schema_migrations');
  const applied = new Set(rows.map((row) => Number(row.id)));
  return migrations.filter((migration) => !applied.has(migration.id));
}

/** A schema not brought up to date at start-up (`MIGRATE_ON_START=false`) that is not. */
export class PendingMigrationsError extends Error {
  constructor(readonly pending: readonly Migration[]) {
    super(
      `${pending.length} schema migration(s) pending (${pending.map((m) => m.id).join(', ')}) and MIGRATE_ON_START=false: run \`npm run migrate\` (fairtender migrate) first`,
    );
  }
}

/**
 * What an app does with its migrations at start-up: applies them, or — with start-up migrations off
 * for production, where `npm run migrate` runs them once per release — refuses to start on a schema
 * that lacks any of them rather than failing later on a missing table.
 */
export async function migrateAtStartUp(
  client: SqlClient,
  migrations: readonly Migration[],
  applyOnStart: boolean,
): Promise<MigrationReport> {
  if (applyOnStart) return migrate(client, migrations);
  const pending = await pendingMigrations(client, migrations);
  if (pending.length > 0) throw new PendingMigrationsError(pending);
  return { applied: [], alreadyApplied: migrations.length };
}
