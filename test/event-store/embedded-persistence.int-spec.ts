import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createEmbeddedEventStore,
  EMBEDDED_POSTGRES_SETTINGS,
  initialiseDataDir,
  isInitialised,
  openEmbeddedDatabase,
} from '@fairtender/event-store';

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

describe('A new data folder', () => {
  let parent: string;

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'fairtender-init-'));
  });
  afterAll(async () => rm(parent, { recursive: true, force: true }));

  it('is made by a child process, then opened by this one', async () => {
    const dataDir = join(parent, 'pglite');
    await mkdir(dataDir);
    expect(isInitialised(dataDir)).toBe(false);
    await initialiseDataDir(dataDir, EMBEDDED_POSTGRES_SETTINGS);
    expect(isInitialised(dataDir)).toBe(true);
    const store = await createEmbeddedEventStore({ dataDir });
    try {
      await expect(store.readStream('tender-none')).resolves.toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('that cannot be made says where and why', async () => {
    const notAFolder = join(parent, 'a-file');
    await writeFile(notAFolder, 'not a database');
    await expect(initialiseDataDir(notAFolder, EMBEDDED_POSTGRES_SETTINGS)).rejects.toThrow(
      `Could not create the embedded database in ${notAFolder}`,
    );
  });
});
