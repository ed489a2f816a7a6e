import { randomUUID } from 'node:crypto';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  UploadConflict,
  type ChunkWrite,
  type DocumentStore,
  type FinishedDocument,
  type NewUpload,
  type UploadRecord,
} from '../port';

export interface S3DocumentStoreOptions {
  endpoint?: string;
  region: string;
  bucket: string;
  /** Keys start with it, e.g. `bid-documents/`. */
  prefix: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** The upload object: its facts and the key of each chunk, in order. */
interface UploadObject extends UploadRecord {
  chunkKeys: string[];
}

/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph…): one object per sealed chunk and one JSON
 * object per upload. The upload object is only ever replaced conditionally (`If-Match` on its ETag,
 * `If-None-Match: *` on creation), so two writers of one upload cannot both move it on. Each chunk
 * write has its own key, so a writer that loses the race never overwrites the winner's bytes.
 */
export class S3DocumentStore implements DocumentStore {
  private readonly s3: S3Client;

  constructor(private readonly options: S3DocumentStoreOptions) {
    this.s3 = new S3Client({
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.credentials ? { credentials: options.credentials } : {}),
    });
  }

  async createUpload(upload: NewUpload): Promise<UploadRecord> {
    const object: UploadObject = {
      ...upload,
      receivedBytes: 0,
      chunkCount: 0,
      updatedAt: upload.createdAt,
      chunkKeys: [],
    };
    await this.writeUpload(object, { IfNoneMatch: '*' });
    return toRecord(object);
  }

  async getUpload(uploadId: string): Promise<UploadRecord | undefined> {
    const found = await this.readUpload(uploadId);
    return found ? toRecord(found.object) : undefined;
  }

  async putChunk(uploadId: string, write: ChunkWrite): Promise<UploadRecord> {
    const found = await this.readUpload(uploadId);
    const current = found?.object;
    if (
      !found ||
      !current ||
      current.finished ||
      current.receivedBytes !== write.fromOffset ||
      (write.seq !== current.chunkCount && write.seq !== current.chunkCount - 1)
    ) {
      throw new UploadConflict(`Upload ${uploadId} is no longer at offset ${write.fromOffset}`);
    }
    const key = `${this.folder(uploadId)}chunk-${String(write.seq).padStart(8, '0')}-${randomUUID()}`;
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.options.bucket, Key: key, Body: write.bytes }),
    );
    const replaced = current.chunkKeys[write.seq];
    const chunkKeys = [...current.chunkKeys];
    chunkKeys[write.seq] = key;
    const next: UploadObject = {
      ...current,
      receivedBytes: write.toOffset,
      chunkCount: chunkKeys.length,
      updatedAt: write.at,
      chunkKeys,
    };
    try {
      await this.writeUpload(next, { IfMatch: found.etag });
    } catch (error) {
      await this.deleteKeys([key]);
      throw error;
    }
    if (replaced) await this.deleteKeys([replaced]);
    return toRecord(next);
  }

  async readChunk(uploadId: string, seq: number): Promise<Buffer | undefined> {
    const key = (await this.readUpload(uploadId))?.object.chunkKeys[seq];
    return key ? this.getBytes(key) : undefined;
  }

  async *readChunks(uploadId: string, fromSeq = 0): AsyncIterable<{ seq: number; bytes: Buffer }> {
    const keys = (await this.readUpload(uploadId))?.object.chunkKeys ?? [];
    for (let seq = fromSeq; seq < keys.length; seq += 1) {
      const bytes = await this.getBytes(keys[seq]);
      if (!bytes) return;
      yield { seq, bytes };
    }
  }

  async finishUpload(uploadId: string, document: FinishedDocument): Promise<UploadRecord> {
    const found = await this.readUpload(uploadId);
    const current = found?.object;
    if (!found || !current || current.finished || current.receivedBytes !== current.declaredSize) {
      throw new UploadConflict(`Upload ${uploadId} cannot be finished`);
    }
    const next = { ...current, finished: document, updatedAt: document.finishedAt };
    await this.writeUpload(next, { IfMatch: found.etag });
    return toRecord(next);
  }

  async deleteUpload(uploadId: string): Promise<boolean> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({
          Bucket: this.options.bucket,
          Prefix: this.folder(uploadId),
          ContinuationToken: token,
        }),
      );
      for (const item of page.Contents ?? []) if (item.Key) keys.push(item.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    await this.deleteKeys(keys);
    return keys.some((key) => key.endsWith('/upload.json'));
  }

  async listAbandoned(updatedBefore: string, limit: number): Promise<string[]> {
    const before = new Date(updatedBefore).getTime();
    const candidates: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(
        new ListObjectsV2Command({
          Bucket: this.options.bucket,
          Prefix: this.options.prefix,
          ContinuationToken: token,
        }),
      );
      for (const item of page.Contents ?? []) {
        if (!item.Key?.endsWith('/upload.json')) continue;
        if ((item.LastModified?.getTime() ?? 0) >= before) continue;
        candidates.push(item.Key.slice(this.options.prefix.length, -'/upload.json'.length));
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    const abandoned: UploadRecord[] = [];
    for (const uploadId of candidates) {
      const upload = await this.getUpload(uploadId);
      if (upload && !upload.finished && new Date(upload.updatedAt).getTime() < before) {
        abandoned.push(upload);
      }
    }
    return abandoned
      .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
      .slice(0, limit)
      .map((upload) => upload.uploadId);
  }

  async close(): Promise<void> {
    this.s3.destroy();
  }

  private folder(uploadId: string): string {
    return `${this.options.prefix}${uploadId}/`;
  }

  private async readUpload(
    uploadId: string,
  ): Promise<{ object: UploadObject; etag: string } | undefined> {
    try {
      const got = await this.s3.send(
        new GetObjectCommand({
          Bucket: this.options.bucket,
          Key: `${this.folder(uploadId)}upload.json`,
        }),
      );
      const text = await got.Body!.transformToString('utf8');
      return { object: JSON.parse(text) as UploadObject, etag: got.ETag! };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  private async writeUpload(
    object: UploadObject,
    condition: { IfMatch?: string; IfNoneMatch?: string },
  ): Promise<void> {
    try {
      await this.s3.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: `${this.folder(object.uploadId)}upload.json`,
          Body: JSON.stringify(object),
          ContentType: 'application/json',
          ...condition,
        }),
      );
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 409)) {
        throw new UploadConflict(`Upload ${object.uploadId} was changed by another writer`);
      }
      throw error;
    }
  }

  private async getBytes(key: string): Promise<Buffer | undefined> {
    try {
      const got = await this.s3.send(
        new GetObjectCommand({ Bucket: this.options.bucket, Key: key }),
      );
      return Buffer.from(await got.Body!.transformToByteArray());
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  private async deleteKeys(keys: string[]): Promise<void> {
    for (let start = 0; start < keys.length; start += 1000) {
      await this.s3.send(
        new DeleteObjectsCommand({
          Bucket: this.options.bucket,
          Delete: { Objects: keys.slice(start, start + 1000).map((Key) => ({ Key })), Quiet: true },
        }),
      );
    }
  }
}

function isStatus(error: unknown, status: number): boolean {
  return error instanceof S3ServiceException && error.$metadata.httpStatusCode === status;
}

function toRecord(object: UploadObject): UploadRecord {
  const { chunkKeys: _keys, ...record } = object;
  return record;
}
