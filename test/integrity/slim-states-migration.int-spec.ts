import { migrate, PgSqlClient, type SqlClient } from '@fairtender/event-store';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { READ_MODEL_MIGRATIONS } from '@fairtender/read-models';

/**
 * Migration 1202 on a database that projected under 1201, when states kept every bid's fields but
 * its sealed content, and the opened bid streams whole: both are cut to what the projection now
 * writes, so the projector carries on from its checkpoint and the states equal a rebuild's.
 */
describe('integrity slim states migration (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let client: SqlClient;

  beforeAll(async () => {
    database = await createScratchDatabase('int_integrity_slim');
    client = new PgSqlClient({ connectionString: database.url, max: 2 });
    await migrate(client);
  });
  afterAll(async () => {
    await client?.close();
    await database?.drop();
  });

  it('keeps of each bid its status and receipt time, of the opened streams their suppliers', async () => {
    await migrate(
      client,
      READ_MODEL_MIGRATIONS.filter((m) => m.id <= 1201),
    );
    const bid = (status: string, receivedAt?: string) => ({
      status,
      ...(receivedAt ? { receivedAt, firstReceivedAt: receivedAt, noticeVersion: 1 } : {}),
      revisionCount: 2,
      idempotencyKeys: {},
      lateAttempts: 0,
    });
    const head = (supplierId: string, revision: number) => ({
      supplierId,
      streamName: `tender-t-1.bid-${supplierId}`,
      revision,
      hash: 'ab'.repeat(32),
    });
    const old = {
      view: {
        tender: {
          stage: 'evaluation',
          tenderId: 't-1',
          openedAt: '2025-04-01T09:00:00.000Z',
          openedBidStreams: [head('cedar', 0), head('acme', 2)],
        },
        bids: {
          acme: bid('submitted', '2025-03-01T09:00:00.000Z'),
          birch: bid('withdrawn', '2025-03-02T09:00:00.000Z'),
          cedar: bid('submitted', '2025-03-03T09:00:00.000Z'),
          late: bid('none'),
        },
        sheets: {},
      },
      contractChanges: [],
      incumbentExtensions: [],
      writtenFlags: { R001: '{}' },
    };
    const sealed = { view: { tender: { stage: 'tendering' }, bids: {}, sheets: {} } };
    await client.query(
      `INSERT INTO rm_integrity_states (tender_id, state, position)
       VALUES ($1, $2::jsonb, $3), ($4, $5::jsonb, $6), ($7, $8::jsonb, $9)`,
      [
        't-1',
        JSON.stringify(old),
        '10-10',
        't-2',
        JSON.stringify(sealed),
        '11-11',
        't-3',
        JSON.stringify({ view: { sheets: {} } }),
        '12-12',
      ],
    );
    await migrate(client, READ_MODEL_MIGRATIONS);

    const states = await client.query<{ tender_id: string; state: unknown; position: string }>(
      'SELECT tender_id, state, position FROM rm_integrity_states ORDER BY tender_id',
    );
    expect(states).toEqual([
      {
        tender_id: 't-1',
        position: '10-10',
        state: {
          ...old,
          view: {
            tender: {
              ...old.view.tender,
              openedBidStreams: [{ supplierId: 'cedar' }, { supplierId: 'acme' }],
            },
            bids: {
              acme: { status: 'submitted', receivedAt: '2025-03-01T09:00:00.000Z' },
              birch: { status: 'withdrawn', receivedAt: '2025-03-02T09:00:00.000Z' },
              cedar: { status: 'submitted', receivedAt: '2025-03-03T09:00:00.000Z' },
              late: { status: 'none' },
            },
            sheets: {},
          },
        },
      },
      { tender_id: 't-2', position: '11-11', state: sealed },
      { tender_id: 't-3', position: '12-12', state: { view: { sheets: {} } } },
    ]);
  });
});
