import { randomBytes, randomUUID } from 'node:crypto';
import { UploadConflict, type DocumentStore, type NewUpload } from '../port';

export interface DocumentStoreHarness {
  store: DocumentStore;
  cleanup(): Promise<void>;
}

/** One suite for every adapter; `skipReason` says plainly why an adapter's suite did not run. */
export function describeDocumentStoreContract(
  adapterName: string,
  open: () => Promise<DocumentStoreHarness>,
  options: { skipReason?: string } = {},
): void {
  if (options.skipReason) {
    describe(`${adapterName} document store contract — ${options.skipReason}`, () => {
      it.skip(`did not run: ${options.skipReason}`, () => undefined);
    });
    return;
  }
  describe(`${adapterName} document store contract`, () => {
    let harness: DocumentStoreHarness;
    let store: DocumentStore;
    beforeAll(async () => {
      harness = await open();
      store = harness.store;
    });
    afterAll(() => harness.cleanup());

    const newUpload = (overrides: Partial<NewUpload> = {}): NewUpload => ({
      uploadId: randomUUID(),
      tenderId: 'tender-1',
      supplierId: 'acme',
      name: 'method statement.pdf',
      declaredMediaType: 'application/pdf',
      declaredSize: 30,
      createdAt: '2026-12-01T10:00:00.000Z',
      ...overrides,
    });
    const at = '2026-12-01T10:01:00.000Z';

    it('creates an upload at offset 0 and reads it back', async () => {
      const upload = newUpload();
      const created = await store.createUpload(upload);
      expect(created).toEqual({
        ...upload,
        receivedBytes: 0,
        chunkCount: 0,
        updatedAt: upload.createdAt,
      });
      expect(await store.getUpload(upload.uploadId)).toEqual(created);
      expect(await store.getUpload(randomUUID())).toBeUndefined();
    });

    it('appends chunks in order, rewrites the tail, and reads them back in order', async () => {
      const upload = newUpload();
      await store.createUpload(upload);
      const [a, b, b2] = [randomBytes(10), randomBytes(5), randomBytes(10)];
      await store.putChunk(upload.uploadId, { seq: 0, bytes: a, fromOffset: 0, toOffset: 10, at });
      await store.putChunk(upload.uploadId, { seq: 1, bytes: b, fromOffset: 10, toOffset: 15, at });
      const after = await store.putChunk(upload.uploadId, {
        seq: 1,
        bytes: b2,
        fromOffset: 15,
        toOffset: 20,
        at,
      });
      expect(after).toMatchObject({ receivedBytes: 20, chunkCount: 2, updatedAt: at });
      const chunks: Buffer[] = [];
      for await (const chunk of store.readChunks(upload.uploadId)) chunks.push(chunk.bytes);
      expect(chunks).toEqual([a, b2]);
      expect(await store.readChunk(upload.uploadId, 1)).toEqual(b2);
      expect(await store.readChunk(upload.uploadId, 2)).toBeUndefined();
    });

    it('refuses a write from an offset that has moved on, or that skips a chunk', async () => {
      const upload = newUpload();
      await store.createUpload(upload);
      const bytes = randomBytes(10);
      await store.putChunk(upload.uploadId, { seq: 0, bytes, fromOffset: 0, toOffset: 10, at });
      await expect(
        store.putChunk(upload.uploadId, { seq: 1, bytes, fromOffset: 0, toOffset: 10, at }),
      ).rejects.toThrow(UploadConflict);
      await expect(
        store.putChunk(upload.uploadId, { seq: 2, bytes, fromOffset: 10, toOffset: 20, at }),
      ).rejects.toThrow(UploadConflict);
      expect(await store.getUpload(upload.uploadId)).toMatchObject({ receivedBytes: 10 });
    });

    it('finishes only a complete upload, and a finished one takes no more bytes', async () => {
      const upload = newUpload({ declaredSize: 10 });
      await store.createUpload(upload);
      const document = {
        mediaType: 'application/pdf',
        sha256: 'a'.repeat(64),
        sealedSha256: 'b'.repeat(64),
        finishedAt: '2026-12-01T10:02:00.000Z',
      };
      await expect(store.finishUpload(upload.uploadId, document)).rejects.toThrow(UploadConflict);
      const bytes = randomBytes(10);
      await store.putChunk(upload.uploadId, { seq: 0, bytes, fromOffset: 0, toOffset: 10, at });
      const finished = await store.finishUpload(upload.uploadId, document);
      expect(finished.finished).toEqual(document);
      expect((await store.getUpload(upload.uploadId))?.finished).toEqual(document);
      await expect(
        store.putChunk(upload.uploadId, { seq: 0, bytes, fromOffset: 10, toOffset: 10, at }),
      ).rejects.toThrow(UploadConflict);
      await expect(store.finishUpload(upload.uploadId, document)).rejects.toThrow(UploadConflict);
    });

    it('lists unfinished uploads idle since before a time, and deletes them whole', async () => {
      const stale = newUpload({ createdAt: '2000-01-01T00:00:00.000Z' });
      const finished = newUpload({ createdAt: '2000-01-01T00:00:00.000Z', declaredSize: 4 });
      const fresh = newUpload({ createdAt: new Date(Date.now() + 3_600_000).toISOString() });
      for (const upload of [stale, finished, fresh]) await store.createUpload(upload);
      await store.putChunk(finished.uploadId, {
        seq: 0,
        bytes: randomBytes(4),
        fromOffset: 0,
        toOffset: 4,
        at: '2000-01-01T00:00:01.000Z',
      });
      await store.finishUpload(finished.uploadId, {
        mediaType: 'application/pdf',
        sha256: 'a'.repeat(64),
        sealedSha256: 'b'.repeat(64),
        finishedAt: '2000-01-01T00:00:02.000Z',
      });
      await store.putChunk(stale.uploadId, {
        seq: 0,
        bytes: randomBytes(3),
        fromOffset: 0,
        toOffset: 3,
        at: '2000-01-01T00:00:01.000Z',
      });
      // S3 dates an object by its last write, so "before" must be later than now there.
      const abandoned = await store.listAbandoned(
        new Date(Date.now() + 60_000).toISOString(),
        1000,
      );
      expect(abandoned).toContain(stale.uploadId);
      expect(abandoned).not.toContain(finished.uploadId);
      expect(await store.listAbandoned('1999-01-01T00:00:00.000Z', 1000)).not.toContain(
        stale.uploadId,
      );
      expect(await store.deleteUpload(stale.uploadId)).toBe(true);
      expect(await store.getUpload(stale.uploadId)).toBeUndefined();
      expect(await store.readChunk(stale.uploadId, 0)).toBeUndefined();
      expect(await store.deleteUpload(stale.uploadId)).toBe(false);
    });

    it('keeps a chunk of several MiB byte for byte', async () => {
      const bytes = randomBytes(3 * 1024 * 1024 + 7);
      const upload = newUpload({ declaredSize: bytes.length });
      await store.createUpload(upload);
      await store.putChunk(upload.uploadId, {
        seq: 0,
        bytes,
        fromOffset: 0,
        toOffset: bytes.length,
        at,
      });
      expect((await store.readChunk(upload.uploadId, 0))?.equals(bytes)).toBe(true);
    });
  });
}
