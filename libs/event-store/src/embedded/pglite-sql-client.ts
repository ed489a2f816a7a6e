import type { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlQueryable } from '../sql/sql-client';

/** PGlite runs PostgreSQL in-process (WASM): one connection, so statements are already serialised. */
export class PGliteSqlClient implements SqlClient {
  readonly preparesStatements = false;

  /** `release`: called once the database is closed (the data folder's lock). */
  constructor(
    private readonly db: PGlite,
    private readonly release: () => void = () => undefined,
  ) {}

  async query<Row extends object>(text: string, params?: unknown[]): Promise<Row[]> {
    return params === undefined || params.length === 0
      ? (((await this.db.exec(text)).at(-1)?.rows as Row[]) ?? [])
      : (await this.db.query<Row>(text, params)).rows;
  }

  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) =>
      work({
        query: async <Row extends object>(text: string, params?: unknown[]) =>
          params === undefined || params.length === 0
            ? (((await tx.exec(text)).at(-1)?.rows as Row[]) ?? [])
            : (await tx.query<Row>(text, params)).rows,
      }),
    );
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    return this.db.listen(channel, () => onNotify());
  }

  async close(): Promise<void> {
    try {
      if (!this.db.closed) await this.db.close();
    } finally {
      this.release();
    }
  }
}
