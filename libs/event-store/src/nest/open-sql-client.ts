import type { EventStoreSettings } from '@fairtender/config';
import { openEmbeddedDatabase } from '../embedded/embedded-event-store';
import { PgSqlClient } from '../postgres/pg-sql-client';
import type { SqlClient } from '../sql/sql-client';

/** The PostgreSQL that holds read models (and the events too, unless they live in EventStoreDB). */
export async function openSqlClient(settings: EventStoreSettings): Promise<SqlClient> {
  if (settings.kind === 'embedded') return openEmbeddedDatabase(settings.dataDir);
  return new PgSqlClient({
    connectionString: settings.databaseUrl,
    max: 20,
    application_name: 'fairtender',
    // A server that is down must fail health checks and start-up quickly, not hang them.
    connectionTimeoutMillis: 5000,
  });
}

/** Where the SQL client points, for logs: never the URL itself, which may carry a password. */
export function describeSqlTarget(settings: EventStoreSettings): string {
  if (settings.kind === 'embedded') return `embedded PostgreSQL at ${settings.dataDir}`;
  const url = new URL(settings.databaseUrl);
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
