import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/** The server's admin URL in tests and benchmarks (trust auth on this machine and CI). */
export const ADMIN_DATABASE_URL =
  process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A throw-away PostgreSQL database, so each run owns its schema and nothing leaks between runs. */
export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  const name = `fairtender_${label}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await asAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await asAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function asAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
