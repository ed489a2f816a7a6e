import { createHash } from 'node:crypto';
import { chunkCountOf, openChunk, type ChunkPlace } from '@fairtender/crypto';
import type { DocumentStore, UploadRecord } from './port';

/** Whose document it is: with the chunk index, the additional data every chunk is sealed under. */
export type DocumentOwner = Pick<UploadRecord, 'tenderId' | 'supplierId' | 'uploadId'>;

/** The stored chunks are not the document they should be: missing, extra, out of order or altered. */
export class DocumentIntegrityError extends Error {
  override readonly name = 'DocumentIntegrityError';
}

export const placeOf = (owner: DocumentOwner, index: number, size: number): ChunkPlace => ({
  tenderId: owner.tenderId,
  supplierId: owner.supplierId,
  uploadId: owner.uploadId,
  index,
  last: index === chunkCountOf(size) - 1,
});

/**
 * The plaintext of a stored document (`store.readChunks(uploadId)`), chunk by chunk, each authenticated as it is read. Throws
 * `DocumentIntegrityError` at the first chunk that is missing, out of place or altered, and at the end
 * when the plaintext does not hash to `sha256` (when given).
 */
export async function* openDocument(
  chunks: AsyncIterable<{ seq: number; bytes: Buffer }>,
  dataKey: Buffer,
  owner: DocumentOwner,
  sizeBytes: number,
  sha256?: string,
): AsyncGenerator<Buffer> {
  const hash = createHash('sha256');
  const expected = chunkCountOf(sizeBytes);
  let next = 0;
  let length = 0;
  for await (const { seq, bytes } of chunks) {
    if (seq !== next || seq >= expected) {
      throw new DocumentIntegrityError(`Document ${owner.uploadId}: chunk ${seq} out of place`);
    }
    let plaintext: Buffer;
    try {
      plaintext = openChunk(dataKey, placeOf(owner, seq, sizeBytes), bytes);
    } catch (error) {
      throw new DocumentIntegrityError((error as Error).message);
    }
    hash.update(plaintext);
    length += plaintext.length;
    next += 1;
    yield plaintext;
  }
  if (next !== expected || length !== sizeBytes) {
    throw new DocumentIntegrityError(
      `Document ${owner.uploadId}: ${length} of ${sizeBytes} bytes stored (${next} of ${expected} chunks)`,
    );
  }
  if (sha256 !== undefined && hash.digest('hex') !== sha256) {
    throw new DocumentIntegrityError(`Document ${owner.uploadId} does not hash to ${sha256}`);
  }
}

export interface DocumentDigest {
  sha256: string;
  sealedSha256: string;
  /** The first bytes of the plaintext, to tell its media type by content. */
  head: Buffer;
}

/** Reads a complete upload back once: the hashes of its plaintext and of its sealed chunks. */
export async function digestDocument(
  store: DocumentStore,
  dataKey: Buffer,
  upload: UploadRecord,
  headBytes = 64 * 1024,
): Promise<DocumentDigest> {
  const plain = createHash('sha256');
  const sealed = createHash('sha256');
  let head: Buffer | undefined;
  const chunks = tap(store.readChunks(upload.uploadId), (bytes) => sealed.update(bytes));
  for await (const plaintext of openDocument(chunks, dataKey, upload, upload.declaredSize)) {
    plain.update(plaintext);
    head ??= Buffer.from(plaintext.subarray(0, headBytes));
  }
  return { sha256: plain.digest('hex'), sealedSha256: sealed.digest('hex'), head: head! };
}

/** Hex SHA-256 of a document's stored sealed chunks in order, without any key; undefined if none. */
export async function sealedDigestOf(
  store: DocumentStore,
  uploadId: string,
): Promise<string | undefined> {
  const hash = createHash('sha256');
  let any = false;
  for await (const { bytes } of store.readChunks(uploadId)) {
    hash.update(bytes);
    any = true;
  }
  return any ? hash.digest('hex') : undefined;
}

async function* tap<T extends { bytes: Buffer }>(
  source: AsyncIterable<T>,
  see: (bytes: Buffer) => void,
): AsyncGenerator<T> {
  for await (const item of source) {
    see(item.bytes);
    yield item;
  }
}
