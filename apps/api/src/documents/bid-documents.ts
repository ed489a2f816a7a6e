import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import { DOCUMENT_STORE, type DocumentStore } from '@fairtender/documents';
import type { BidDocumentFacts, DocumentReference } from '@fairtender/domain';
import { uploadErrors } from './upload-errors';

export interface ResolvedDocuments {
  /** As the sealed content names them (covered by the commitment). */
  references: DocumentReference[];
  /** As the bid event states them in the clear. */
  facts: BidDocumentFacts[];
}

/**
 * The finished uploads a bid refers to. Only the supplier's own, on this tender, finished: an
 * unfinished upload never counts, whatever its offset. Finishing an upload does not make a bid; the
 * bid's time of receipt is when it is submitted with its documents (README "Bid documents"): the
 * tender is received when it is submitted, whose exact time must be determinable (Directive 2014/24/EU
 * Annex IV (a); the same words in Directive 2014/25/EU Annex V (a)).
 */
@Injectable()
export class BidDocuments {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    private readonly config: AppConfig,
  ) {}

  async resolve(
    tenderId: string,
    supplierId: string,
    documentIds: readonly string[],
  ): Promise<ResolvedDocuments> {
    const references: DocumentReference[] = [];
    const facts: BidDocumentFacts[] = [];
    for (const documentId of documentIds) {
      const upload = await this.store.getUpload(documentId);
      if (!upload || upload.tenderId !== tenderId || upload.supplierId !== supplierId) {
        throw uploadErrors.documentNotFound(documentId);
      }
      if (!upload.finished) {
        throw uploadErrors.documentNotFinished(
          documentId,
          upload.receivedBytes,
          upload.declaredSize,
        );
      }
      const { sha256, sealedSha256, mediaType } = upload.finished;
      const sizeBytes = upload.declaredSize;
      references.push({ documentId, name: upload.name, mediaType, sizeBytes, sha256 });
      facts.push({ documentId, sizeBytes, sha256, sealedSha256 });
    }
    const total = facts.reduce((sum, document) => sum + document.sizeBytes, 0);
    const limit = this.config.documents.bidMaxBytes;
    if (total > limit) throw uploadErrors.bidTooLarge(total, limit);
    return { references, facts };
  }
}
