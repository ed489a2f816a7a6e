import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createEmbeddedEventStore, createPostgresEventStore } from '@fairtender/event-store';
import { describeEventStoreContract } from '@fairtender/event-store/testing/event-store-contract';

const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

describeEventStoreContract('Embedded (PGlite)', async () => {
  const store = await createEmbeddedEventStore({ dataDir: 'memory://', pollIntervalMs: 200 });
  return { store, cleanup: () => store.close() };
});

describeEventStoreContract('PostgreSQL', async () => {
  // A fresh database per run: the suite owns its schema, and nothing leaks between runs.
  const database = `fairtender_contract_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${database}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const store = await createPostgresEventStore({ connectionString: url.toString(), pollIntervalMs: 200 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
});

async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
