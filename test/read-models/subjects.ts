import {
  migrate,
  openEmbeddedDatabase,
  PgSqlClient,
  SqlEventStore,
  type Position,
  type SqlClient,
} from '@fairtender/event-store';
import { createScratchDatabase } from '@fairtender/event-store/testing/scratch-database';
import {
  migrateReadModels,
  ProjectionRunner,
  READ_MODEL_TABLES,
  ReadModelQueries,
  type ProjectionRunnerOptions,
} from '@fairtender/read-models';

/** An event store and its read models on one database, as the apps run them. */
export interface ReadModelSubject {
  store: SqlEventStore;
  client: SqlClient;
  queries: ReadModelQueries;
  /** A runner on this database, stopped at cleanup. */
  runner(options?: Partial<ProjectionRunnerOptions>): ProjectionRunner;
  /** Starts a runner and waits until the read models include `position`. */
  projectUpTo(position: Position): Promise<ProjectionRunner>;
  cleanup(): Promise<void>;
}

async function subjectOn(client: SqlClient, drop: () => Promise<void>): Promise<ReadModelSubject> {
  await migrate(client);
  await migrateReadModels(client);
  const store = new SqlEventStore(client, { closeClient: false, pollIntervalMs: 50 });
  const queries = new ReadModelQueries(client);
  const runners: ProjectionRunner[] = [];
  const runner = (options: Partial<ProjectionRunnerOptions> = {}) => {
    const created = new ProjectionRunner({ store, client, ...options });
    runners.push(created);
    return created;
  };
  return {
    store,
    client,
    queries,
    runner,
    async projectUpTo(position) {
      const started = runner();
      await started.start();
      if (!(await queries.waitForPosition(position, 20_000))) {
        throw new Error(`read models did not catch up: ${JSON.stringify(started.status())}`);
      }
      return started;
    },
    async cleanup() {
      for (const r of runners) await r.stop();
      await store.close();
      await client.close();
      await drop();
    },
  };
}

/** Every test gets its own database: PGlite in memory, and a scratch PostgreSQL database. */
export const ADAPTERS: [string, () => Promise<ReadModelSubject>][] = [
  ['embedded (PGlite)', async () => subjectOn(await openEmbeddedDatabase('memory://'), noop)],
  [
    'PostgreSQL',
    async () => {
      const database = await createScratchDatabase('readmodels');
      const client = new PgSqlClient({ connectionString: database.url, max: 10 });
      return subjectOn(client, () => database.drop());
    },
  ],
];

async function noop(): Promise<void> {}

/** Every read-model row (the checkpoint aside), in key order: to compare two runs. */
export async function dumpReadModels(client: SqlClient): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of READ_MODEL_TABLES.filter((t) => t !== 'rm_projection_checkpoints')) {
    const rows = await client.query<{ row: unknown }>(
      `SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY to_jsonb(t)::text`,
    );
    dump[table] = rows.map((r) => r.row);
  }
  return dump;
}
