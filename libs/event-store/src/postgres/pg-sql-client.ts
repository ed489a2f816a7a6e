import { Client, DatabaseError, Pool, type PoolConfig } from 'pg';
import type { SqlClient, SqlQueryable } from '../sql/sql-client';

/** `pg` pool for queries plus one dedicated connection for LISTEN, reconnected if it drops. */
export class PgSqlClient implements SqlClient {
  readonly preparesStatements = true;
  private readonly pool: Pool;
  private listener?: Client;
  private closed = false;

  constructor(private readonly config: PoolConfig) {
    this.pool = new Pool(config);
    // An idle client that errors (server restart) must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
  }

  async query<Row extends object>(text: string, params?: unknown[], name?: string): Promise<Row[]> {
    // Not pool.query: it destroys the connection on any error, so every lost race for a revision (a
    // unique violation, answered by the server) would cost a reconnect and its prepared statements.
    const connection = await this.pool.connect();
    let broken: Error | undefined;
    try {
      return (await connection.query<Row>({ text, values: params, name })).rows;
    } catch (error) {
      if (!isServerError(error)) broken = error as Error;
      throw error;
    } finally {
      connection.release(broken);
    }
  }

  async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const connection = await this.pool.connect();
    try {
      await connection.query('BEGIN');
      const result = await work({
        query: async <Row extends object>(text: string, params?: unknown[]) =>
          (await connection.query<Row>(text, params)).rows,
      });
      await connection.query('COMMIT');
      return result;
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  }

  async listen(channel: string, onNotify: () => void): Promise<() => Promise<void>> {
    // Until it is back, subscribers still see new events through their poll fallback.
    const reconnect = (): void => {
      if (this.closed) return;
      setTimeout(() => connect().catch(reconnect), 1000).unref();
    };
    const connect = async (): Promise<void> => {
      const client = new Client(this.config);
      client.on('notification', (message) => message.channel === channel && onNotify());
      client.on('error', () => {
        client.end().catch(() => undefined);
        if (this.listener === client) reconnect();
      });
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      this.listener = client;
      // Whatever was appended while we were not listening is now visible: wake everyone to read it.
      onNotify();
    };
    await connect();
    return async () => {
      this.closed = true;
      await this.listener?.end().catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    await this.pool.end();
  }
}

/** An error the server answered with: the connection itself is still good. */
function isServerError(error: unknown): boolean {
  return error instanceof DatabaseError;
}
