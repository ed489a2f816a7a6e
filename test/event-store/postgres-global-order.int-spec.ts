import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createPostgresEventStore, type SqlEventStore } from '@fairtender/event-store';
import { APPEND_SQL } from '@fairtender/event-store';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';

/**
 * The sequence-gap problem: a slow transaction takes a lower position, a fast one commits a higher
 * position first. A reader that checkpointed the higher one would skip the lower one for ever.
 */
describe('PostgreSQL global order under concurrent transactions', () => {
  let store: SqlEventStore;
  let slow: Client;
  let database: ScratchDatabase;

  beforeAll(async () => {
    database = await createScratchDatabase('order');
    store = await createPostgresEventStore({ connectionString: database.url });
    slow = new Client({ connectionString: database.url });
    await slow.connect();
  });
  afterAll(async () => {
    await slow.end();
    await store.close();
    await database.drop();
  });

  it('never lets a reader pass an event that a slower transaction has yet to commit', async () => {
    const prefix = `gap-${randomUUID().slice(0, 8)}`;
    const slowId = randomUUID();
    await slow.query('BEGIN');
    // The adapter's own append statement, in a transaction we hold open.
    await slow.query(APPEND_SQL, [
      `${prefix}-slow`,
      'any',
      null,
      [slowId],
      ['Slow'],
      [1],
      '[{}]',
      '[{}]',
      ['00'.repeat(32)],
    ]);
    const fast = await store.append(
      `${prefix}-fast`,
      [{ eventId: randomUUID(), type: 'Fast', version: 1, data: {} }],
      'any',
    );
    const {
      rows: [slowRow],
    } = await slow.query('SELECT position FROM fairtender_events WHERE event_id = $1', [slowId]);
    expect(BigInt(slowRow.position)).toBeLessThan(fast.position.prepare);

    // While the slow transaction is open, its later-committing, lower-numbered event holds readers back.
    expect(await store.readAll({ streamPrefix: prefix })).toEqual([]);

    await slow.query('COMMIT');
    const all = await store.readAll({ streamPrefix: prefix });
    expect(all.map((e) => e.type)).toEqual(['Slow', 'Fast']);
  });
});
