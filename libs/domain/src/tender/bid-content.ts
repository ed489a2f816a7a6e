import type { Money } from './terms';

/** What a supplier bids, in plaintext. It exists only in the request; the store keeps it sealed. */
export interface BidContent {
  price: Money;
  /** One per award criterion of kind `quality`. */
  responses: { criterionId: string; response: string }[];
  documents: BidDocument[];
}

export interface BidDocument {
  name: string;
  mediaType: string;
  /** Base64; its decoded size is limited by configuration. */
  contentBase64: string;
}

/** AES-256-GCM ciphertext of the canonical JSON of a BidContent, under the tender's data key. */
export interface SealedContent {
  keyId: string;
  iv: string;
  ciphertext: string;
  tag: string;
}
