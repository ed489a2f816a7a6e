import type { SqlClient } from '@fairtender/event-store';
import {
  UploadConflict,
  type ChunkWrite,
  type DocumentStore,
  type FinishedDocument,
  type NewUpload,
  type UploadRecord,
} from '../port';

interface UploadRow {
  upload_id: string;
  tender_id: string;
  supplier_id: string;
  name: string;
  declared_media_type: string;
  declared_size: string;
  received_bytes: string;
  chunk_count: number;
  created_at: Date | string;
  updated_at: Date | string;
  finished_at: Date | string | null;
  media_type: string | null;
  sha256: string | null;
  sealed_sha256: string | null;
}

const COLUMNS = `upload_id, tender_id, supplier_id, name, declared_media_type, declared_size::text,
  received_bytes::text, chunk_count, created_at, updated_at, finished_at, media_type, sha256, sealed_sha256`;

/**
 * PostgreSQL adapter (also the embedded PGlite one: same SQL): an upload row and its chunks as
 * `bytea` rows of `bid_document_chunks` (migration 50 of the event store's schema).
 */
export class SqlDocumentStore implements DocumentStore {
  constructor(
    private readonly client: SqlClient,
    private readonly ownsClient = false,
  ) {}

  async createUpload(upload: NewUpload): Promise<UploadRecord> {
    const rows = await this.client.query<UploadRow>(
      `INSERT INTO bid_document_uploads (upload_id, tender_id, supplier_id, name, declared_media_type,
         declared_size, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING ${COLUMNS}`,
      [
        upload.uploadId,
        upload.tenderId,
        upload.supplierId,
        upload.name,
        upload.declaredMediaType,
        upload.declaredSize,
        upload.createdAt,
      ],
    );
    return toRecord(rows[0]);
  }

  async getUpload(uploadId: string): Promise<UploadRecord | undefined> {
    const rows = await this.client.query<UploadRow>(
      `SELECT ${COLUMNS} FROM bid_document_uploads WHERE upload_id = $1`,
      [uploadId],
    );
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async putChunk(uploadId: string, write: ChunkWrite): Promise<UploadRecord> {
    return this.client.transaction(async (tx) => {
      // Moving the offset first locks the row: a concurrent writer of the same upload waits, then finds
      // the offset moved and is refused.
      const rows = await tx.query<UploadRow>(
        `UPDATE bid_document_uploads
            SET received_bytes = $3, chunk_count = GREATEST(chunk_count, $4 + 1), updated_at = $5
          WHERE upload_id = $1 AND received_bytes = $2 AND finished_at IS NULL
            AND $4 IN (chunk_count, chunk_count - 1)
          RETURNING ${COLUMNS}`,
        [uploadId, write.fromOffset, write.toOffset, write.seq, write.at],
      );
      if (rows.length === 0) throw conflict(uploadId, write.fromOffset);
      await tx.query(
        `INSERT INTO bid_document_chunks (upload_id, seq, bytes) VALUES ($1, $2, $3)
         ON CONFLICT (upload_id, seq) DO UPDATE SET bytes = EXCLUDED.bytes`,
        [uploadId, write.seq, write.bytes],
      );
      return toRecord(rows[0]);
    });
  }

  async readChunk(uploadId: string, seq: number): Promise<Buffer | undefined> {
    const rows = await this.client.query<{ bytes: Uint8Array }>(
      'SELECT bytes FROM bid_document_chunks WHERE upload_id = $1 AND seq = $2',
      [uploadId, seq],
    );
    return rows[0] ? asBuffer(rows[0].bytes) : undefined;
  }

  async *readChunks(uploadId: string, fromSeq = 0): AsyncIterable<{ seq: number; bytes: Buffer }> {
    // One chunk per query: pg receives bytea as hex text twice its size, so pages of several chunks
    // would only make that garbage larger.
    const [{ count }] = await this.client.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM bid_document_chunks WHERE upload_id = $1',
      [uploadId],
    );
    for (let seq = fromSeq; seq < count; seq += 1) {
      const bytes = await this.readChunk(uploadId, seq);
      if (!bytes) return;
      yield { seq, bytes };
    }
  }

  async finishUpload(uploadId: string, document: FinishedDocument): Promise<UploadRecord> {
    const rows = await this.client.query<UploadRow>(
      `UPDATE bid_document_uploads
          SET finished_at = $2, media_type = $3, sha256 = $4, sealed_sha256 = $5, updated_at = $2
        WHERE upload_id = $1 AND finished_at IS NULL AND received_bytes = declared_size
        RETURNING ${COLUMNS}`,
      [uploadId, document.finishedAt, document.mediaType, document.sha256, document.sealedSha256],
    );
    if (rows.length === 0) throw new UploadConflict(`Upload ${uploadId} cannot be finished`);
    return toRecord(rows[0]);
  }

  async deleteUpload(uploadId: string): Promise<boolean> {
    const rows = await this.client.query<{ upload_id: string }>(
      'DELETE FROM bid_document_uploads WHERE upload_id = $1 RETURNING upload_id',
      [uploadId],
    );
    return rows.length > 0;
  }

  async listAbandoned(updatedBefore: string, limit: number): Promise<string[]> {
    const rows = await this.client.query<{ upload_id: string }>(
      `SELECT upload_id FROM bid_document_uploads
        WHERE finished_at IS NULL AND updated_at < $1 ORDER BY updated_at LIMIT $2`,
      [updatedBefore, limit],
    );
    return rows.map((row) => row.upload_id);
  }

  async close(): Promise<void> {
    if (this.ownsClient) await this.client.close();
  }
}

function conflict(uploadId: string, offset: number): UploadConflict {
  return new UploadConflict(`Upload ${uploadId} is no longer at offset ${offset}`);
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toRecord(row: UploadRow): UploadRecord {
  return {
    uploadId: row.upload_id,
    tenderId: row.tender_id,
    supplierId: row.supplier_id,
    name: row.name,
    declaredMediaType: row.declared_media_type,
    declaredSize: Number(row.declared_size),
    receivedBytes: Number(row.received_bytes),
    chunkCount: row.chunk_count,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    ...(row.finished_at === null
      ? {}
      : {
          finished: {
            mediaType: row.media_type!,
            sha256: row.sha256!,
            sealedSha256: row.sealed_sha256!,
            finishedAt: iso(row.finished_at),
          },
        }),
  };
}
