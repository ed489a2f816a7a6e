/**
 * Where bid documents are kept while they are uploaded and after: sealed chunks in order, and the
 * upload's facts. The store never sees plaintext or keys; sealing happens before `putChunk`.
 */
export interface NewUpload {
  uploadId: string;
  tenderId: string;
  supplierId: string;
  name: string;
  declaredMediaType: string;
  /** Plaintext bytes the supplier announced; the upload is finished when this many have arrived. */
  declaredSize: number;
  createdAt: string;
}

export interface FinishedDocument {
  /** Media type detected from the content. */
  mediaType: string;
  /** Hex SHA-256 of the plaintext. */
  sha256: string;
  /** Hex SHA-256 of the stored sealed chunks, concatenated in order: checkable without the key. */
  sealedSha256: string;
  finishedAt: string;
}

export interface UploadRecord extends NewUpload {
  /** Plaintext bytes received and stored: the offset a resumed upload continues from. */
  receivedBytes: number;
  chunkCount: number;
  updatedAt: string;
  finished?: FinishedDocument;
}

export interface ChunkWrite {
  /** Index of the chunk; equal to `chunkCount` (a new chunk) or `chunkCount - 1` (the tail, rewritten). */
  seq: number;
  bytes: Buffer;
  /** The offset the write continues from: refused with `UploadConflict` if it moved meanwhile. */
  fromOffset: number;
  toOffset: number;
  at: string;
}

/** Another writer moved the upload on, or it was finished or removed, since it was read. */
export class UploadConflict extends Error {
  override readonly name = 'UploadConflict';
}

export interface DocumentStore {
  createUpload(upload: NewUpload): Promise<UploadRecord>;
  getUpload(uploadId: string): Promise<UploadRecord | undefined>;
  putChunk(uploadId: string, write: ChunkWrite): Promise<UploadRecord>;
  readChunk(uploadId: string, seq: number): Promise<Buffer | undefined>;
  /** The sealed chunks from `fromSeq` in order, a few at a time (memory stays bounded). */
  readChunks(uploadId: string, fromSeq?: number): AsyncIterable<{ seq: number; bytes: Buffer }>;
  /** Marks a complete upload finished; refused with `UploadConflict` unless every byte arrived. */
  finishUpload(uploadId: string, document: FinishedDocument): Promise<UploadRecord>;
  /** Removes the upload and its chunks; false if there was none. */
  deleteUpload(uploadId: string): Promise<boolean>;
  /** Unfinished uploads last written before `updatedBefore`, oldest first. */
  listAbandoned(updatedBefore: string, limit: number): Promise<string[]>;
  close(): Promise<void>;
}

export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
