import { randomBytes, randomUUID } from 'node:crypto';
import { SqlDocumentStore } from '@fairtender/documents';
import { migrate, openEmbeddedDatabase, type SqlClient } from '@fairtender/event-store';
import { removeAbandonedUploads } from '../../apps/scheduler/src/documents/abandoned-uploads';

describe('removing abandoned uploads (the scheduler job)', () => {
  let client: SqlClient;
  let store: SqlDocumentStore;
  beforeAll(async () => {
    client = await openEmbeddedDatabase('memory://');
    await migrate(client);
    store = new SqlDocumentStore(client);
  });
  afterAll(() => client.close());

  const upload = async (createdAt: string, finished: boolean) => {
    const uploadId = randomUUID();
    await store.createUpload({
      uploadId,
      tenderId: 't',
      supplierId: 'acme',
      name: 'a.pdf',
      declaredMediaType: 'application/pdf',
      declaredSize: 8,
      createdAt,
    });
    const bytes = randomBytes(8);
    await store.putChunk(uploadId, {
      seq: 0,
      bytes,
      fromOffset: 0,
      toOffset: finished ? 8 : 4,
      at: createdAt,
    });
    if (finished) {
      await store.finishUpload(uploadId, {
        mediaType: 'application/pdf',
        sha256: 'a'.repeat(64),
        sealedSha256: 'b'.repeat(64),
        finishedAt: createdAt,
      });
    }
    return uploadId;
  };

  it('removes unfinished uploads idle past the expiry, chunks and all, and nothing else', async () => {
    const now = new Date('2026-12-02T12:00:00.000Z');
    const stale = await upload('2026-12-01T11:00:00.000Z', false);
    const recent = await upload('2026-12-02T11:00:00.000Z', false);
    const finished = await upload('2026-11-01T00:00:00.000Z', true);
    expect(await removeAbandonedUploads(store, now, 24 * 3_600_000)).toBe(1);
    expect(await store.getUpload(stale)).toBeUndefined();
    expect(await store.readChunk(stale, 0)).toBeUndefined();
    expect(await store.getUpload(recent)).toBeDefined();
    expect(await store.getUpload(finished)).toBeDefined();
  });
});
