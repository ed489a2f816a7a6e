import { migrate } from '../sql/migrate';
import { SqlEventStore, type SqlEventStoreOptions } from '../sql/sql-event-store';
import { PgSqlClient } from './pg-sql-client';

export interface PostgresEventStoreOptions extends SqlEventStoreOptions {
  connectionString: string;
  /** Pool size; each concurrent append holds one connection for one round trip. */
  maxConnections?: number;
  /** Apply pending migrations before returning (the apps do; tests and the CLI choose). */
  migrate?: boolean;
}

export async function createPostgresEventStore(
  options: PostgresEventStoreOptions,
): Promise<SqlEventStore> {
  const client = new PgSqlClient({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 20,
    application_name: 'fairtender',
  });
  try {
    if (options.migrate ?? true) await migrate(client);
  } catch (error) {
    await client.close();
    throw error;
  }
  return new SqlEventStore(client, options);
}
