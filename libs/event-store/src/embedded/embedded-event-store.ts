import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { migrate } from '../sql/migrate';
import { SqlEventStore, type SqlEventStoreOptions } from '../sql/sql-event-store';
import { lockDataDir } from './data-dir-lock';
import { initialiseDataDir, isInitialised } from './initialise-data-dir';
import { PGliteSqlClient } from './pglite-sql-client';

export interface EmbeddedEventStoreOptions extends SqlEventStoreOptions {
  /** A folder for the data, or `memory://` to keep everything in memory (tests). */
  dataDir: string;
}

/**
 * PostgreSQL's settings for the embedded store (issue 19, memory at rest). PGlite keeps
 * PostgreSQL's default 128 MB of shared buffers inside its WASM memory; a folder's pages are in the
 * operating system's cache anyway, and 16 MB took the standalone process from 422 to 299 MB RSS
 * with the migrated store open (docs/benchmarks.md, Memory).
 */
export const EMBEDDED_POSTGRES_SETTINGS = ['shared_buffers = 16MB'];

/**
 * Opens (creating if needed) an in-process PostgreSQL: a folder, or `memory://`. A folder is locked
 * for this process until the client closes; another process gets EmbeddedDatabaseLockedError.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<PGliteSqlClient> {
  if (dataDir.startsWith('memory://'))
    return new PGliteSqlClient(await PGlite.create({ postgresqlconf: EMBEDDED_POSTGRES_SETTINGS }));
  await mkdir(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  try {
    if (!isInitialised(dataDir)) await initialiseDataDir(dataDir, EMBEDDED_POSTGRES_SETTINGS);
    return new PGliteSqlClient(
      await PGlite.create({ dataDir, postgresqlconf: EMBEDDED_POSTGRES_SETTINGS }),
      release,
    );
  } catch (error) {
    release();
    throw error;
  }
}

/** Zero-setup default: PostgreSQL compiled to WASM, in this process, running the same SQL. */
export async function createEmbeddedEventStore(
  options: EmbeddedEventStoreOptions,
): Promise<SqlEventStore> {
  const client = await openEmbeddedDatabase(options.dataDir);
  await migrate(client);
  return new SqlEventStore(client, options);
}
