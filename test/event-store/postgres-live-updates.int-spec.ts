import { randomUUID } from 'node:crypto';
import {
  createPostgresEventStore,
  migrate,
  PgSqlClient,
  type SqlEventStore,
} from '@fairtender/event-store';
import { collect } from '@fairtender/event-store/testing/contract-helpers';
import { MIGRATIONS } from '@fairtender/event-store';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';

const event = () => ({ eventId: randomUUID(), type: 'BidSubmitted', version: 1, data: {} });

describe('PostgreSQL across processes', () => {
  let database: ScratchDatabase;
  let reader: SqlEventStore;
  let writer: SqlEventStore;

  beforeAll(async () => {
    database = await createScratchDatabase('live');
    // A poll interval far longer than the test: only LISTEN/NOTIFY can deliver in time.
    reader = await createPostgresEventStore({
      connectionString: database.url,
      pollIntervalMs: 600_000,
    });
    writer = await createPostgresEventStore({ connectionString: database.url });
  });
  afterAll(async () => {
    await Promise.all([reader.close(), writer.close()]);
    await database.drop();
  });

  it('wakes a live subscriber in another process through LISTEN/NOTIFY', async () => {
    const prefix = `live-${randomUUID().slice(0, 8)}`;
    const received = collect(reader.subscribeToAll({ streamPrefix: prefix }), 3);
    // Let the subscriber catch up (nothing yet) and start waiting before the writes arrive.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    for (let i = 0; i < 3; i += 1)
      await writer.append(`${prefix}-bid-${i}`, [event()], 'no_stream');
    expect((await received).map((e) => e.streamName)).toEqual(
      [0, 1, 2].map((i) => `${prefix}-bid-${i}`),
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 10_000);

  it('listens again after its LISTEN connection is killed', async () => {
    const prefix = `relisten-${randomUUID().slice(0, 8)}`;
    const received = collect(reader.subscribeToAll({ streamPrefix: prefix }), 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const admin = new PgSqlClient({ connectionString: database.url });
    const killed = await admin
      .query<{ killed: boolean }>(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
          WHERE datname = current_database() AND query = 'LISTEN fairtender_events'`,
      )
      .finally(() => admin.close());
    expect(killed.map((row) => row.killed)).toEqual([true]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await writer.append(`${prefix}-bid`, [event()], 'no_stream');
    expect(await received).toHaveLength(1);
  }, 10_000);

  it('applies each migration once, even when two processes start together on an empty database', async () => {
    const empty = await createScratchDatabase('migrate');
    const clients = [
      new PgSqlClient({ connectionString: empty.url }),
      new PgSqlClient({ connectionString: empty.url }),
    ];
    try {
      const reports = await Promise.all(clients.map((client) => migrate(client)));
      const applied = reports.flatMap((r) => r.applied.map((m) => m.id)).sort();
      expect(applied).toEqual(MIGRATIONS.map((m) => m.id));
      expect((await migrate(clients[0])).applied).toEqual([]);
    } finally {
      await Promise.all(clients.map((client) => client.close()));
      await empty.drop();
    }
  });
});
