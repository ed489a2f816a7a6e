import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import type { EventToAppend, SqlQueryable } from '@fairtender/event-store';

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
