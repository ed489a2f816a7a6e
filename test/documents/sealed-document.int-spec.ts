import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DOCUMENT_CHUNK_BYTES } from '@fairtender/crypto';
import {
  digestDocument,
  DocumentIntegrityError,
  openDocument,
  SqlDocumentStore,
  UploadTooLong,
  UploadWriter,
  type UploadRecord,
} from '@fairtender/documents';
import { migrate, openEmbeddedDatabase, type SqlClient } from '@fairtender/event-store';

const key = randomBytes(32);
const now = () => new Date('2026-12-02T10:00:00.000Z');

/** Sealed upload writing and reading on the embedded database: resumption, and what opening refuses. */
describe('sealed documents', () => {
  let client: SqlClient;
  let store: SqlDocumentStore;
  beforeAll(async () => {
    client = await openEmbeddedDatabase('memory://');
    await migrate(client);
    store = new SqlDocumentStore(client);
  });
  afterAll(() => client.close());

  async function written(plaintext: Buffer, cuts: number[]): Promise<UploadRecord> {
    let upload = await store.createUpload({
      uploadId: randomUUID(),
      tenderId: 't1',
      supplierId: 'acme',
      name: 'a.pdf',
      declaredMediaType: 'application/pdf',
      declaredSize: plaintext.length,
      createdAt: now().toISOString(),
    });
    // Each cut is a request that ends there; the next resumes from the stored offset.
    for (const end of [...cuts, plaintext.length]) {
      const writer = await UploadWriter.resume(store, key, upload, now);
      await writer.write(plaintext.subarray(upload.receivedBytes, end));
      upload = await writer.flush();
      expect(upload.receivedBytes).toBe(end);
    }
    return upload;
  }

  const read = async (upload: UploadRecord, sha256?: string) => {
    const parts: Buffer[] = [];
    for await (const part of openDocument(
      store.readChunks(upload.uploadId),
      key,
      upload,
      upload.declaredSize,
      sha256,
    )) {
      parts.push(part);
    }
    return Buffer.concat(parts);
  };

  it('resumes mid-chunk any number of times and keeps chunks whole', async () => {
    const plaintext = randomBytes(2 * DOCUMENT_CHUNK_BYTES + 1234);
    const upload = await written(plaintext, [10, 500_000, DOCUMENT_CHUNK_BYTES + 7]);
    expect(upload.chunkCount).toBe(3);
    const sha256 = createHash('sha256').update(plaintext).digest('hex');
    expect((await digestDocument(store, key, upload)).sha256).toBe(sha256);
    expect((await read(upload, sha256)).equals(plaintext)).toBe(true);
  });

  it('refuses more bytes than declared', async () => {
    const upload = await written(randomBytes(100), []);
    const writer = await UploadWriter.resume(store, key, { ...upload, receivedBytes: 0 }, now);
    await expect(writer.write(randomBytes(101))).rejects.toThrow(UploadTooLong);
  });

  it('detects a dropped last chunk, swapped chunks and a wrong hash', async () => {
    const plaintext = randomBytes(3 * DOCUMENT_CHUNK_BYTES);
    const truncated = await written(plaintext, []);
    await client.query('DELETE FROM bid_document_chunks WHERE upload_id = $1 AND seq = 2', [
      truncated.uploadId,
    ]);
    await expect(read(truncated)).rejects.toThrow(DocumentIntegrityError);

    const swapped = await written(plaintext, []);
    await client.query(
      `UPDATE bid_document_chunks c SET bytes = o.bytes FROM bid_document_chunks o
        WHERE c.upload_id = $1 AND o.upload_id = $1 AND c.seq IN (0, 1) AND o.seq = 1 - c.seq`,
      [swapped.uploadId],
    );
    await expect(read(swapped)).rejects.toThrow(DocumentIntegrityError);

    const intact = await written(plaintext, []);
    await expect(read(intact, 'f'.repeat(64))).rejects.toThrow(DocumentIntegrityError);
  });
});
