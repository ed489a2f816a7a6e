import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedEventStore, openEmbeddedDatabase } from '@fairtender/event-store';

describe('Embedded store on disk', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'fairtender-')), 'pglite');
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  it('keeps every event, hash and position across a restart', async () => {
    const first = await createEmbeddedEventStore({ dataDir });
    const eventId = randomUUID();
    await first.append(
      'tender-1',
      [{ eventId, type: 'TenderDrafted', version: 1, data: { title: 'Cameras' } }],
      'no_stream',
    );
    const before = await first.readStream('tender-1');
    await first.close();

    const reopened = await createEmbeddedEventStore({ dataDir });
    try {
      expect(await reopened.readStream('tender-1')).toEqual(before);
      await expect(
        reopened.append(
          'tender-1',
          [{ eventId: randomUUID(), type: 'TenderPublished', version: 1, data: {} }],
          0,
        ),
      ).resolves.toMatchObject({ nextRevision: 1 });
    } finally {
      await reopened.close();
    }
  });

  it('runs with small shared buffers, on disk and in memory (memory at rest, issue 19)', async () => {
    for (const dir of [dataDir, 'memory://']) {
      const db = await openEmbeddedDatabase(dir);
      try {
        expect(await db.query('SHOW shared_buffers')).toEqual([{ shared_buffers: '16MB' }]);
      } finally {
        await db.close();
      }
    }
  });
});
