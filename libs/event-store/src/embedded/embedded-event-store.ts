import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { migrate } from '../sql/migrate';
import { SqlEventStore, type SqlEventStoreOptions } from '../sql/sql-event-store';
import { PGliteSqlClient } from './pglite-sql-client';

export interface EmbeddedEventStoreOptions extends SqlEventStoreOptions {
  /** A folder for the data, or `memory://` to keep everything in memory (tests). */
  dataDir: string;
}

/** Zero-setup default: PostgreSQL compiled to WASM, in this process, running the same SQL. */
export async function createEmbeddedEventStore(options: EmbeddedEventStoreOptions): Promise<SqlEventStore> {
  const inMemory = options.dataDir.startsWith('memory://');
  if (!inMemory) await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create(inMemory ? undefined : options.dataDir);
  const client = new PGliteSqlClient(db);
  await migrate(client);
  return new SqlEventStore(client, options);
}
