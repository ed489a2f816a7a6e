import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import { DOCUMENT_CHUNK_BYTES } from '@fairtender/crypto';
import {
  digestDocument,
  DOCUMENT_STORE,
  UploadConflict,
  UploadTooLong,
  UploadWriter,
  type DocumentStore,
  type UploadRecord,
} from '@fairtender/documents';
import {
  initialBidState,
  isLate,
  lateBid,
  requireBidder,
  requireTendering,
  type Actor,
  type TenderState,
} from '@fairtender/domain';
import { BidSealing } from '../bidding/bid-sealing';
import { Clock } from '../runtime/clock';
import { TenderStreams } from '../runtime/tender-streams';
import { contentMatches, detectMediaType } from './media-type';
import { uploadErrors } from './upload-errors';

export interface NewDocumentUpload {
  name: string;
  mediaType: string;
  sizeBytes: number;
}

/** Where an upload stands, as the API answers it. */
export interface UploadStatus {
  uploadId: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  /** Bytes received: where the next PATCH starts. */
  offset: number;
  chunkBytes: number;
  finished: boolean;
  /** Once finished: what a bid refers to and its commitment covers. */
  document?: { documentId: string; sha256: string; mediaType: string; sizeBytes: number };
  /** An unfinished upload left alone until then is removed. */
  expiresAt?: string;
}

/**
 * The resumable upload of a bid document (README "Bid documents"): created with its declared size,
 * appended to at the offset the server holds, sealed chunk by chunk under the tender's data key as it
 * arrives, and finished when the last byte is stored: read back once, the plaintext hashed, its media
 * type checked by content. Only while the tender takes bids; only the supplier who started it.
 */
@Injectable()
export class DocumentUploads {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    private readonly tenders: TenderStreams,
    private readonly sealing: BidSealing,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async create(actor: Actor, tenderId: string, request: NewDocumentUpload): Promise<UploadStatus> {
    await this.openForUploads(actor, tenderId);
    const { documentMaxBytes, bidMaxBytes, mediaTypes } = this.config.documents;
    if (request.sizeBytes > documentMaxBytes) {
      throw uploadErrors.documentTooLarge(request.sizeBytes, documentMaxBytes);
    }
    if (request.sizeBytes > bidMaxBytes)
      throw uploadErrors.bidTooLarge(request.sizeBytes, bidMaxBytes);
    if (!mediaTypes.includes(request.mediaType)) {
      throw uploadErrors.mediaTypeNotAllowed(request.mediaType, mediaTypes);
    }
    const upload = await this.store.createUpload({
      uploadId: randomUUID(),
      tenderId,
      supplierId: actor.organisationId,
      name: request.name,
      declaredMediaType: request.mediaType,
      declaredSize: request.sizeBytes,
      createdAt: this.clock.now().toISOString(),
    });
    return this.statusOf(upload);
  }

  async status(actor: Actor, tenderId: string, uploadId: string): Promise<UploadStatus> {
    return this.statusOf(await this.owned(actor, tenderId, uploadId));
  }

  /**
   * Appends `body` at `offset`. What arrived before an interruption is kept to the byte, so the
   * client resumes from the offset HEAD reports. More bytes than declared, or a content that is not
   * its declared type, removes the upload: nothing half stored stays behind a refusal.
   */
  async append(
    actor: Actor,
    tenderId: string,
    uploadId: string,
    offset: number | undefined,
    body: AsyncIterable<Buffer>,
    contentLength: number | undefined,
  ): Promise<UploadStatus> {
    const upload = await this.owned(actor, tenderId, uploadId);
    if (upload.finished) throw uploadErrors.finished(uploadId);
    if (offset === undefined) throw uploadErrors.badOffsetHeader();
    if (offset !== upload.receivedBytes) {
      throw uploadErrors.offsetMismatch(uploadId, upload.receivedBytes, offset);
    }
    if (contentLength !== undefined && offset + contentLength > upload.declaredSize) {
      throw uploadErrors.tooLong(uploadId, upload.declaredSize);
    }
    const tender = await this.openForUploads(actor, tenderId);
    const key = this.sealing.documentKey(tender);
    const writer = await UploadWriter.resume(this.store, key, upload, () => this.clock.now());
    let interrupted: unknown;
    try {
      for await (const piece of body) await writer.write(piece as Buffer);
    } catch (error) {
      interrupted = error;
    }
    if (interrupted instanceof UploadConflict) throw await this.moved(uploadId, offset);
    if (interrupted instanceof UploadTooLong) {
      await this.store.deleteUpload(uploadId);
      throw uploadErrors.tooLong(uploadId, upload.declaredSize);
    }
    let stored: UploadRecord;
    try {
      stored = await writer.flush();
    } catch (error) {
      if (error instanceof UploadConflict) throw await this.moved(uploadId, offset);
      throw error;
    }
    // A client that went away gets no answer; what it sent is kept for it to resume from.
    if (interrupted !== undefined && !isClientGone(interrupted)) throw interrupted;
    if (stored.receivedBytes < stored.declaredSize) return this.statusOf(stored);
    return this.statusOf(await this.finish(stored, key));
  }

  /** Removes an unfinished upload. A finished document may be part of a bid, so it stays. */
  async abandon(actor: Actor, tenderId: string, uploadId: string): Promise<void> {
    const upload = await this.owned(actor, tenderId, uploadId);
    if (upload.finished) throw uploadErrors.finished(uploadId);
    await this.store.deleteUpload(uploadId);
  }

  private async finish(upload: UploadRecord, key: Buffer): Promise<UploadRecord> {
    const digest = await digestDocument(this.store, key, upload);
    if (!(await contentMatches(upload.declaredMediaType, digest.head))) {
      await this.store.deleteUpload(upload.uploadId);
      throw uploadErrors.contentMismatch(
        upload.uploadId,
        upload.declaredMediaType,
        await detectMediaType(digest.head),
      );
    }
    return this.store.finishUpload(upload.uploadId, {
      mediaType: upload.declaredMediaType,
      sha256: digest.sha256,
      sealedSha256: digest.sealedSha256,
      finishedAt: this.clock.now().toISOString(),
    });
  }

  /** The same gate as a bid: a supplier, on a published tender still in tendering, before the deadline. */
  private async openForUploads(actor: Actor, tenderId: string): Promise<TenderState> {
    const { state } = await this.tenders.loadTenderForBid(tenderId);
    const tender = requireBidder(actor, state, initialBidState());
    const now = this.clock.now();
    if (isLate(tender, now)) throw lateBid(tender, now);
    requireTendering(tender);
    return state;
  }

  private async owned(actor: Actor, tenderId: string, uploadId: string): Promise<UploadRecord> {
    const upload = await this.store.getUpload(uploadId);
    if (!upload || upload.tenderId !== tenderId || upload.supplierId !== actor.organisationId) {
      throw uploadErrors.notFound(uploadId);
    }
    return upload;
  }

  /** Another request moved the upload on meanwhile (two clients resuming at once). */
  private async moved(uploadId: string, sent: number) {
    const now = await this.store.getUpload(uploadId);
    if (!now) return uploadErrors.notFound(uploadId);
    if (now.finished) return uploadErrors.finished(uploadId);
    return uploadErrors.offsetMismatch(uploadId, now.receivedBytes, sent);
  }

  private statusOf(upload: UploadRecord): UploadStatus {
    return {
      uploadId: upload.uploadId,
      name: upload.name,
      mediaType: upload.declaredMediaType,
      sizeBytes: upload.declaredSize,
      offset: upload.receivedBytes,
      chunkBytes: DOCUMENT_CHUNK_BYTES,
      finished: upload.finished !== undefined,
      ...(upload.finished
        ? {
            document: {
              documentId: upload.uploadId,
              sha256: upload.finished.sha256,
              mediaType: upload.finished.mediaType,
              sizeBytes: upload.declaredSize,
            },
          }
        : {
            expiresAt: new Date(
              new Date(upload.updatedAt).getTime() + this.config.documents.uploadExpiryMs,
            ).toISOString(),
          }),
    };
  }
}

function isClientGone(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  return code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || message === 'aborted';
}
