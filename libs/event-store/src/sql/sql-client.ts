/** The little the SQL event store needs from a PostgreSQL connection: implemented by `pg` and PGlite. */
export interface SqlQueryable {
  /** `name` asks for a server-side prepared statement where the driver has them (hot paths). */
  query<Row extends object>(text: string, params?: unknown[], name?: string): Promise<Row[]>;
}

export interface SqlClient extends SqlQueryable {
  /** Whether `query`'s `name` really prepares statements on the server (pg: yes; PGlite: no). */
  readonly preparesStatements: boolean;
  /** Runs `work` in one transaction on one connection. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Calls `onNotify` on every NOTIFY on `channel`; resolves to an unlisten function. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
