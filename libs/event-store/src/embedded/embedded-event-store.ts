import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { migrate } from '../sql/migrate';
import { SqlEventStore, type SqlEventStoreOptions } from '../sql/sql-event-store';
import { PGliteSqlClient } from './pglite-sql-client';

export interface EmbeddedEventStoreOptions extends SqlEventStoreOptions {
  /** A folder for the data, or `memory://` to keep everything in memory (tests). */
  dataDir: string;
}

/** Opens (creating if needed) an in-process PostgreSQL: a folder, or `memory://`. */
export async function openEmbeddedDatabase(dataDir: string): Promise<PGliteSqlClient> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  return new PGliteSqlClient(await PGlite.create(inMemory ? undefined : dataDir));
}

/** Zero-setup default: PostgreSQL compiled to WASM, in this process, running the same SQL. */
export async function createEmbeddedEventStore(
  options: EmbeddedEventStoreOptions,
): Promise<SqlEventStore> {
  const client = await openEmbeddedDatabase(options.dataDir);
  await migrate(client);
  return new SqlEventStore(client, options);
}
