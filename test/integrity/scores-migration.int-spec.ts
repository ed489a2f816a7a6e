import { migrate, PgSqlClient, type SqlClient } from '@fairtender/event-store';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { READ_MODEL_MIGRATIONS } from '@fairtender/read-models';

/**
 * Migration 1201 on a database that projected under 1200, when states kept their scores inline: the
 * scores move to rows of their own and leave the states, so the projector carries on from its
 * checkpoint without a rebuild.
 */
describe('integrity scores migration (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let client: SqlClient;

  beforeAll(async () => {
    database = await createScratchDatabase('int_integrity_migration');
    client = new PgSqlClient({ connectionString: database.url, max: 2 });
    await migrate(client);
  });
  afterAll(async () => {
    await client?.close();
    await database?.drop();
  });

  it('moves every inline score to rm_integrity_scores and empties the sheets’ scores', async () => {
    await migrate(
      client,
      READ_MODEL_MIGRATIONS.filter((m) => m.id <= 1200),
    );
    const score = (n: number) => ({
      score: n,
      justification: `Justified at length on storage evidence, number ${n}.`,
      scoredAt: '2025-04-01T09:00:00.000Z',
    });
    const state = {
      view: {
        tender: { stage: 'evaluation' },
        bids: {},
        sheets: {
          eve: {
            evaluatorId: 'eve',
            declarations: { acme: { conflict: false, declaredAt: 'x' } },
            scores: { acme: { quality: score(7), delivery: score(6.5) } },
          },
          evan: { evaluatorId: 'evan', declarations: {}, scores: {} },
        },
      },
      contractChanges: [],
      incumbentExtensions: [],
      writtenFlags: {},
    };
    await client.query(
      'INSERT INTO rm_integrity_states (tender_id, state, position) VALUES ($1, $2::jsonb, $3), ($4, $5::jsonb, $6)',
      [
        't-1',
        JSON.stringify(state),
        '10-10',
        't-2',
        JSON.stringify({ view: { sheets: {} } }),
        '11-11',
      ],
    );
    await migrate(client, READ_MODEL_MIGRATIONS);

    const scores = await client.query<Record<string, unknown>>(
      'SELECT * FROM rm_integrity_scores ORDER BY criterion_id',
    );
    expect(scores).toEqual([
      {
        tender_id: 't-1',
        evaluator_id: 'eve',
        supplier_id: 'acme',
        criterion_id: 'delivery',
        score: 6.5,
        justification: 'Justified at length on storage evidence, number 6.5.',
        scored_at: '2025-04-01T09:00:00.000Z',
      },
      expect.objectContaining({ criterion_id: 'quality', score: 7 }),
    ]);
    const [moved] = await client.query<{ state: typeof state }>(
      "SELECT state FROM rm_integrity_states WHERE tender_id = 't-1'",
    );
    expect(moved.state.view.sheets.eve).toEqual({
      evaluatorId: 'eve',
      declarations: { acme: { conflict: false, declaredAt: 'x' } },
      scores: {},
    });
    const [untouched] = await client.query<{ state: unknown }>(
      "SELECT state FROM rm_integrity_states WHERE tender_id = 't-2'",
    );
    expect(untouched.state).toEqual({ view: { sheets: {} } });
  });
});
