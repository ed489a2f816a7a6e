import { DOCUMENT_CHUNK_BYTES, openChunk, sealChunk } from '@fairtender/crypto';
import type { DocumentStore, UploadRecord } from './port';
import { placeOf } from './sealed-document';

/** More bytes arrived than the upload declared. */
export class UploadTooLong extends Error {
  override readonly name = 'UploadTooLong';
}

/**
 * Appends plaintext to an upload as sealed chunks of `DOCUMENT_CHUNK_BYTES`, one at a time, so memory
 * stays at about two chunks whatever the document's size. A resumed upload whose last chunk is short
 * (the connection broke mid-chunk) first opens that tail and rewrites it with the new bytes, so chunks
 * stay whole and the offset is exact to the byte.
 */
export class UploadWriter {
  private readonly pending = Buffer.allocUnsafe(DOCUMENT_CHUNK_BYTES);
  private pendingLength = 0;
  private seq: number;
  /** Plaintext bytes stored (the upload's offset). */
  private stored: number;

  private constructor(
    private readonly store: DocumentStore,
    private readonly dataKey: Buffer,
    private upload: UploadRecord,
    private readonly now: () => Date,
  ) {
    this.stored = upload.receivedBytes;
    this.seq = Math.floor(upload.receivedBytes / DOCUMENT_CHUNK_BYTES);
  }

  static async resume(
    store: DocumentStore,
    dataKey: Buffer,
    upload: UploadRecord,
    now: () => Date,
  ): Promise<UploadWriter> {
    const writer = new UploadWriter(store, dataKey, upload, now);
    const tailLength = upload.receivedBytes % DOCUMENT_CHUNK_BYTES;
    if (tailLength > 0) {
      const bytes = await store.readChunk(upload.uploadId, writer.seq);
      if (!bytes) throw new Error(`Upload ${upload.uploadId} lost chunk ${writer.seq}`);
      const plaintext = openChunk(dataKey, placeOf(upload, writer.seq, upload.declaredSize), bytes);
      if (plaintext.length !== tailLength) throw new Error(`Upload ${upload.uploadId}: bad tail`);
      plaintext.copy(writer.pending, 0);
      writer.pendingLength = plaintext.length;
    }
    return writer;
  }

  get received(): number {
    return this.seq * DOCUMENT_CHUNK_BYTES + this.pendingLength;
  }

  async write(piece: Buffer): Promise<void> {
    if (this.received + piece.length > this.upload.declaredSize) {
      throw new UploadTooLong(
        `Upload ${this.upload.uploadId} declared ${this.upload.declaredSize} bytes; more arrived`,
      );
    }
    let from = 0;
    while (from < piece.length) {
      const taken = piece.copy(this.pending, this.pendingLength, from);
      this.pendingLength += taken;
      from += taken;
      if (this.pendingLength === DOCUMENT_CHUNK_BYTES) await this.storePending(true);
    }
  }

  /** Stores what is pending (a short tail), so an interrupted upload resumes from the last byte. */
  async flush(): Promise<UploadRecord> {
    if (this.received > this.stored) await this.storePending(false);
    return this.upload;
  }

  private async storePending(full: boolean): Promise<void> {
    const end = this.received;
    const bytes = sealChunk(
      this.dataKey,
      placeOf(this.upload, this.seq, this.upload.declaredSize),
      this.pending.subarray(0, this.pendingLength),
    );
    this.upload = await this.store.putChunk(this.upload.uploadId, {
      seq: this.seq,
      bytes,
      fromOffset: this.stored,
      toOffset: end,
      at: this.now().toISOString(),
    });
    this.stored = end;
    if (full) {
      this.seq += 1;
      this.pendingLength = 0;
    }
  }
}
