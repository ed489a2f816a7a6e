import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { APPEND_ONE_SQL, type EventToAppend, type SqlQueryable } from '@fairtender/event-store';
import type { Pool } from 'pg';

/** The same writes and reads as an adapter does, with none of its logic: what the ratio compares to. */
export interface RawBaseline {
  label: string;
  append(stream: string, events: EventToAppend[]): Promise<unknown>;
  /** Reads the next page of 1000 events in global order; resolves to how many it got. */
  readPage(): Promise<number>;
  close(): Promise<void>;
}

const HASH = Buffer.alloc(32, 7);

/** Plain INSERTs of the rows the SQL adapters write: no expectation check, hashing or notification. */
export function sqlBaseline(
  label: string,
  db: SqlQueryable,
  close: () => Promise<void>,
): RawBaseline {
  const revisions = new Map<string, number>();
  let lastPosition = '0';
  return {
    label,
    append: (stream, events) => {
      const first = revisions.get(stream) ?? 0;
      revisions.set(stream, first + events.length);
      return db.query(
        `INSERT INTO fairtender_events (event_id, stream_name, revision, type, version, data, metadata, previous_hash, hash)
         SELECT id, $2, $3 + n - 1, 'BidSubmitted', 1, $4::jsonb -> (n::int - 1), $5::jsonb -> (n::int - 1), $6, $6
           FROM unnest($1::uuid[]) WITH ORDINALITY AS b(id, n)`,
        [
          events.map((e) => e.eventId),
          stream,
          first,
          JSON.stringify(events.map((e) => e.data)),
          JSON.stringify(events.map((e) => e.metadata)),
          HASH,
        ],
      );
    },
    readPage: async () => {
      const rows = await db.query<{ position: string }>(
        'SELECT * FROM fairtender_events WHERE position > $1 ORDER BY position LIMIT 1000',
        [lastPosition],
      );
      lastPosition = rows.at(-1)?.position ?? lastPosition;
      return rows.length;
    },
    close,
  };
}

/** Bare EventStoreDB appends and reads through the client, without the adapter's chain or checks. */
export function eventStoreDbBaseline(connectionString: string): RawBaseline {
  const client = EventStoreDBClient.connectionString(connectionString);
  let after: Awaited<ReturnType<typeof readAfter>> = undefined;
  async function readAfter(from: Parameters<EventStoreDBClient['readAll']>[0]) {
    let count = 0;
    let last;
    for await (const resolved of client.readAll({ ...from, maxCount: 1000 })) {
      count += 1;
      last = resolved.event?.position;
    }
    return count > 0 ? { count, last } : undefined;
  }
  return {
    label: 'client',
    append: (stream, events) =>
      client.appendToStream(
        stream,
        events.map((e) =>
          jsonEvent({
            id: randomUUID(),
            type: e.type,
            data: e.data as Record<string, unknown>,
            metadata: e.metadata,
          }),
        ),
      ),
    readPage: async () => {
      after = await readAfter(after?.last ? { fromPosition: after.last } : {});
      return after?.count ?? 0;
    },
    close: () => client.dispose(),
  };
}

const COLUMNS =
  'event_id, stream_name, revision, type, version, data, metadata, previous_hash, hash';

/**
 * The honest ceiling for an append (issue 19): the same row into the same `fairtender_events` table
 * with the same indexes, as a named (server-side prepared) statement, one round trip per append. A
 * batch is one prepared INSERT … SELECT FROM unnest of the same rows. What it leaves out is exactly
 * the adapter's work: reading the stream's head, the expectation check, SHA-256 of the canonical
 * content and the hash chain.
 */
export function preparedInsertBaseline(pool: Pool): PgAppender {
  const revisions = new Map<string, number>();
  return {
    label: 'prepared INSERT',
    append: (stream, events) => {
      const first = revisions.get(stream) ?? 0;
      revisions.set(stream, first + events.length);
      if (events.length === 1) {
        const [e] = events;
        return pool.query({
          name: 'bench_raw_insert_one',
          text: `INSERT INTO fairtender_events (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          values: [e.eventId, stream, first, e.type, e.version, e.data, e.metadata, HASH, HASH],
        });
      }
      return pool.query({
        name: 'bench_raw_insert_batch',
        text: `INSERT INTO fairtender_events (${COLUMNS})
               SELECT id, $2, $3::bigint + n - 1, type, version, data, metadata, $7, $7
                 FROM unnest($1::uuid[], $4::text[], $5::int[], $6::jsonb[], $8::jsonb[])
                      WITH ORDINALITY AS b(id, type, version, data, metadata, n)`,
        values: [
          events.map((e) => e.eventId),
          stream,
          first,
          events.map((e) => e.type),
          events.map((e) => e.version),
          events.map((e) => JSON.stringify(e.data)),
          HASH,
          events.map((e) => JSON.stringify(e.metadata)),
        ],
      });
    },
  };
}

/** The floor of any append: the same data and metadata into a table with a key and nothing else. */
export async function minimalTableBaseline(pool: Pool): Promise<PgAppender> {
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_minimal (
    position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, data jsonb NOT NULL, metadata jsonb NOT NULL)`);
  return {
    label: 'minimal table',
    append: (_stream, events) =>
      events.length === 1
        ? pool.query({
            name: 'bench_minimal_one',
            text: 'INSERT INTO bench_minimal (data, metadata) VALUES ($1, $2)',
            values: [events[0].data, events[0].metadata],
          })
        : pool.query({
            name: 'bench_minimal_batch',
            text: 'INSERT INTO bench_minimal (data, metadata) SELECT * FROM unnest($1::jsonb[], $2::jsonb[])',
            values: [
              events.map((e) => JSON.stringify(e.data)),
              events.map((e) => JSON.stringify(e.metadata)),
            ],
          }),
  };
}

export interface PgAppender {
  label: string;
  append(stream: string, events: EventToAppend[], i: number): Promise<unknown>;
}

const sqlLiteral = (value: unknown) => `'${JSON.stringify(value).replace(/'/g, "''")}'`;

/**
 * pgbench's script for the prepared baseline's single-row INSERT: the same table and the same row,
 * event id and revision made by the server.
 */
export function preparedInsertScript(row: EventToAppend): string {
  const hash = `'\\x${HASH.toString('hex')}'::bytea`;
  return (
    `INSERT INTO fairtender_events (${COLUMNS}) VALUES (gen_random_uuid(), 'pgbench-' || :client_id, ` +
    `nextval('bench_pgbench_revision'), '${row.type}', ${row.version}, ${sqlLiteral(row.data)}::jsonb, ` +
    `${sqlLiteral(row.metadata)}::jsonb, ${hash}, ${hash});\n`
  );
}

/**
 * pgbench's script for the adapter's own one-event append statement (APPEND_ONE_SQL) with the same
 * row, each client on a stream of its own: what PostgreSQL spends on an append, with no Node client.
 */
export function appendOneScript(row: EventToAppend): string {
  const contentHash = 'ab'.repeat(32);
  const text = APPEND_ONE_SQL.replace(/\$1::text/g, `('pgbench-append-' || :client_id)`)
    .replace(/\$2::text/g, `'any'`)
    .replace(/\$3::bigint/g, 'NULL::bigint')
    .replace(/\$4::uuid/g, 'gen_random_uuid()')
    .replace(/\$5::text/g, `'${row.type}'`)
    .replace(/\$6::integer/g, String(row.version))
    .replace(/\$7::jsonb/g, `${sqlLiteral(row.data)}::jsonb`)
    .replace(/\$8::jsonb/g, `${sqlLiteral(row.metadata ?? {})}::jsonb`)
    .replace(/\$9::text/g, `'${contentHash}'`);
  return `${text.replace(/\s+/g, ' ').trim()};\n`;
}

/**
 * pgbench running `script` (`-M prepared`) with `clients` for `seconds`: the rate with no Node client
 * in the way. Undefined when pgbench is not installed.
 */
export function pgbenchRate(
  url: string,
  script: string,
  clients: number,
  seconds: number,
): number | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'fairtender-pgbench-'));
  const file = join(dir, 'script.sql');
  writeFileSync(file, script);
  try {
    execFileSync('psql', [url, '-qc', 'CREATE SEQUENCE IF NOT EXISTS bench_pgbench_revision'], {
      stdio: 'ignore',
    });
    const out = execFileSync(
      'pgbench',
      ['-n', '-M', 'prepared', '-c', String(clients), '-j', String(Math.min(clients, 2))].concat([
        '-T',
        String(seconds),
        '-f',
        file,
        url,
      ]),
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const tps = /tps = ([\d.]+)/.exec(out);
    return tps ? Number(tps[1]) : undefined;
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
