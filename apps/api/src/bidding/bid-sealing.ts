import { Injectable } from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import {
  canonicalJson,
  generateDataKey,
  openSealed,
  sealContent,
  sha256,
  unwrapDataKey,
} from '@fairtender/crypto';
import type {
  BidContent,
  BidDocumentFacts,
  SealedBid,
  SealedContent,
  TenderState,
} from '@fairtender/domain';

/**
 * Envelope encryption of bids (docs/architecture.md#sealing): each tender has its own data key, stored only wrapped by
 * the master key. The commitment a supplier receives is the SHA-256 of the canonical JSON (RFC 8785)
 * of exactly what it sent, so it can recompute it without us.
 */
@Injectable()
export class BidSealing {
  private readonly dataKeys = new Map<string, Buffer>();

  constructor(private readonly config: AppConfig) {}

  issueKey(): { keyId: string; wrappedKey: string } {
    return generateDataKey(this.config.sealing.masterKey);
  }

  /** `documents`: the uploaded documents the content refers to, as the bid event states them. */
  seal(
    tender: TenderState,
    supplierId: string,
    content: BidContent,
    documents: BidDocumentFacts[] = [],
  ): SealedBid {
    const key = this.dataKey(tender);
    const json = canonicalJson(content);
    const plaintext = Buffer.from(json, 'utf8');
    return {
      contentHash: sha256(json).toString('hex'),
      sizeBytes: plaintext.length,
      sealed: sealContent(key.value, key.keyId, plaintext, additionalData(tender, supplierId)),
      documents,
    };
  }

  /** Only ever called once the tender's bids are opened (the caller checks the stage). */
  open(tender: TenderState, supplierId: string, sealed: SealedContent): BidContent {
    const key = this.dataKey(tender);
    const plaintext = openSealed(key.value, sealed, additionalData(tender, supplierId));
    return JSON.parse(plaintext.toString('utf8')) as BidContent;
  }

  /** The tender's data key, for sealing and opening document chunks (libs/crypto document-sealing). */
  documentKey(tender: TenderState): Buffer {
    return this.dataKey(tender).value;
  }

  private dataKey(tender: TenderState): { keyId: string; value: Buffer } {
    if (!tender.opening.sealingKey) throw new Error(`Tender ${tender.tenderId} has no sealing key`);
    const { keyId } = tender.opening.sealingKey;
    let value = this.dataKeys.get(keyId);
    if (!value) {
      value = unwrapDataKey(this.config.sealing.masterKey, tender.opening.sealingKey);
      this.dataKeys.set(keyId, value);
    }
    return { keyId, value };
  }
}

/** Binds the ciphertext to its tender and supplier: a sealed bid moved to another stream fails to open. */
function additionalData(tender: TenderState, supplierId: string): string {
  return `${tender.tenderId}/${supplierId}`;
}
