import { randomUUID } from 'node:crypto';
import { formatPosition, migrate, openEmbeddedDatabase } from '@fairtender/event-store';
import { READ_MODEL_MIGRATIONS, readCheckpoint } from '@fairtender/read-models';
import { appendMarket, readLog } from './market';
import { ADAPTERS, dumpReadModels, type ReadModelSubject } from './subjects';

describe('checkpoint groups: migration 1340', () => {
  it('carries the single checkpoint over to every group, where it stood', async () => {
    const client = await openEmbeddedDatabase('memory://');
    try {
      await migrate(client);
      await migrate(
        client,
        READ_MODEL_MIGRATIONS.filter((m) => m.id < 1340),
      );
      await client.query(
        `INSERT INTO rm_projection_checkpoints (projection, commit_position, prepare_position)
         VALUES ('read-models', 812, 3)`,
      );
      await migrate(client, READ_MODEL_MIGRATIONS);
      const rows = await client.query<{ projection: string; at: string }>(
        `SELECT projection, commit_position || '-' || prepare_position AS at
           FROM rm_projection_checkpoints ORDER BY projection`,
      );
      expect(rows).toEqual([
        { projection: 'read-models/integrity', at: '812-3' },
        { projection: 'read-models/ocds', at: '812-3' },
        { projection: 'read-models/tendering', at: '812-3' },
      ]);
      expect(formatPosition((await readCheckpoint(client))!)).toBe('812-3');
    } finally {
      await client.close();
    }
  });
});

describe.each(ADAPTERS)('checkpoint groups on %s', (_name, open) => {
  let subject: ReadModelSubject;

  beforeEach(async () => {
    subject = await open();
  });
  afterEach(() => subject.cleanup());

  it('re-projects one group from the start while the others skip what they have applied', async () => {
    await appendMarket(subject.store, `t${randomUUID().slice(0, 6)}`);
    const end = (await readLog(subject.store)).at(-1)!.position;
    const first = await subject.projectUpTo(end);
    await first.stop();
    const projected = await dumpReadModels(subject.client);

    // The OCDS group emptied and reset; tendering and integrity left where they were.
    await subject.client.query('TRUNCATE rm_ocds_tenders, rm_ocds_releases');
    await subject.client.query(
      `UPDATE rm_projection_checkpoints SET commit_position = NULL, prepare_position = NULL
        WHERE projection = 'read-models/ocds'`,
    );
    expect(await readCheckpoint(subject.client)).toBeUndefined();
    // A row applied twice would show here: receipts are insert-only and would fail the batch.
    await subject.projectUpTo(end);
    expect(await dumpReadModels(subject.client)).toEqual(projected);
  });
});
