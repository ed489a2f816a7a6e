import type { Money } from './terms';

/** What a supplier bids, in plaintext. It exists only in the request; the store keeps it sealed. */
export interface BidContent {
  price: Money;
  /** One per award criterion of kind `quality`. */
  responses: { criterionId: string; response: string }[];
  /** Uploaded documents (by reference), and the inline ones of bids made before uploads existed. */
  documents: (DocumentReference | BidDocument)[];
}

/** A bid document carried inline, base64 inside the sealed content: how bids were made before uploads. */
export interface BidDocument {
  name: string;
  mediaType: string;
  /** Base64; its decoded size is limited by configuration. */
  contentBase64: string;
}

/**
 * An uploaded document as the sealed content names it. The commitment (the hash of the canonical
 * JSON of the content) covers it, so a receipt proves exactly which document bytes were submitted.
 */
export interface DocumentReference {
  documentId: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the document's plaintext. */
  sha256: string;
}

/**
 * What the bid event states in the clear about each uploaded document: enough to find it, to limit
 * bids by size and to check the stored bytes without any key; its name and media type stay sealed.
 */
export interface BidDocumentFacts {
  documentId: string;
  sizeBytes: number;
  /** Hex SHA-256 of the plaintext (as in the sealed reference). */
  sha256: string;
  /** Hex SHA-256 of the stored sealed chunks in order: what legal verification recomputes. */
  sealedSha256: string;
}

export const isDocumentReference = (
  document: DocumentReference | BidDocument,
): document is DocumentReference => 'documentId' in document;

/** AES-256-GCM ciphertext of the canonical JSON of a BidContent, under the tender's data key. */
export interface SealedContent {
  keyId: string;
  iv: string;
  ciphertext: string;
  tag: string;
}
