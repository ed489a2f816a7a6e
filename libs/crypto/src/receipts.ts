import { createHash, createPublicKey, KeyObject, sign, verify, type JsonWebKey } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * Signed bid receipts (docs/rules.md#sealed-bids): what the server received, when, and where it stored it, signed so
 * that the supplier can show it to a court without trusting our database. Verifiable offline:
 *
 *   signed bytes = UTF-8 of JCS(payload)                        (RFC 8785)
 *   signature    = Ed25519(signed bytes), base64
 *   keyId        = first 16 hex characters of SHA-256(raw 32-byte Ed25519 public key)
 *
 * The public key is published by the API (`receiptPublicKey`), as PEM and as a JWK.
 */
export type ReceiptKind = 'BidSubmitted' | 'BidRevised';

export interface ReceiptPayload {
  tenderId: string;
  supplierId: string;
  /** Hex SHA-256 of the canonical JSON of the bid's plaintext content: the commitment. */
  contentHash: string;
  /** Server time of receipt, ISO 8601. */
  receivedAt: string;
  streamName: string;
  revision: number;
  /** Global position of the event, "<commit>-<prepare>". */
  position: string;
  eventId: string;
  kind: ReceiptKind;
}

export interface SignedReceipt {
  payload: ReceiptPayload;
  signature: string;
  algorithm: 'Ed25519';
  keyId: string;
}

export interface ReceiptPublicKey {
  keyId: string;
  algorithm: 'Ed25519';
  publicKeyPem: string;
  jwk: JsonWebKey;
}

/** A public key (or the private key it belongs to), as a KeyObject, a PEM or a JWK. */
export type ReceiptVerificationKey = KeyObject | string | JsonWebKey;

function publicKeyOf(key: ReceiptVerificationKey): KeyObject {
  const publicKey =
    typeof key === 'string'
      ? createPublicKey(key)
      : key instanceof KeyObject
        ? key.type === 'public'
          ? key
          : createPublicKey(key)
        : createPublicKey({ key, format: 'jwk' });
  if (publicKey.asymmetricKeyType !== 'ed25519')
    throw new TypeError(
      `Receipts are signed with Ed25519 keys (got ${publicKey.asymmetricKeyType})`,
    );
  return publicKey;
}

function rawPublicKey(publicKey: KeyObject): Buffer {
  return Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
}

/** Key ids already derived, per key object: every receipt names its key (issue 19: a JWK export a bid). */
const keyIds = new WeakMap<KeyObject, string>();

/** First 16 hex characters of SHA-256 of the raw public key: names the key a receipt was signed with. */
export function receiptKeyId(key: ReceiptVerificationKey): string {
  // Only key objects, which cannot change; a JWK is a plain object that could.
  const cached = key instanceof KeyObject ? keyIds.get(key) : undefined;
  if (cached) return cached;
  const id = createHash('sha256')
    .update(rawPublicKey(publicKeyOf(key)))
    .digest('hex')
    .slice(0, 16);
  if (key instanceof KeyObject) keyIds.set(key, id);
  return id;
}

/** The exact bytes that are signed. */
export function receiptSigningBytes(payload: ReceiptPayload): Buffer {
  return Buffer.from(canonicalJson(payload), 'utf8');
}

export function signReceipt(privateKey: KeyObject, payload: ReceiptPayload): SignedReceipt {
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519')
    throw new TypeError('Receipts are signed with an Ed25519 private key');
  const signature = sign(null, receiptSigningBytes(payload), privateKey);
  return {
    payload,
    signature: signature.toString('base64'),
    algorithm: 'Ed25519',
    keyId: receiptKeyId(privateKey),
  };
}

/** True only if the receipt is intact and was signed by this key; false for anything malformed. */
export function verifyReceipt(publicKey: ReceiptVerificationKey, receipt: SignedReceipt): boolean {
  try {
    const key = publicKeyOf(publicKey);
    if (receipt.algorithm !== 'Ed25519' || receipt.keyId !== receiptKeyId(key)) return false;
    return verify(
      null,
      receiptSigningBytes(receipt.payload),
      key,
      Buffer.from(receipt.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

/** What the API publishes so that anyone can verify receipts. */
export function receiptPublicKey(privateKey: KeyObject): ReceiptPublicKey {
  const publicKey = publicKeyOf(privateKey);
  const keyId = receiptKeyId(publicKey);
  return {
    keyId,
    algorithm: 'Ed25519',
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    jwk: { ...publicKey.export({ format: 'jwk' }), kid: keyId, alg: 'EdDSA', use: 'sig' },
  };
}
