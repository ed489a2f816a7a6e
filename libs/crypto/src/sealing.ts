import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';

/**
 * Envelope encryption of sealed bids (docs/architecture.md#sealing). Each tender has its own random data key; only its
 * wrapped form (AES-256-GCM under the master key from configuration, bound to the key id) is ever
 * stored. Bid content is sealed under the data key with AES-256-GCM; the additional authenticated
 * data names what the ciphertext belongs to, so a sealed bid cannot be passed off as another's.
 */
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface WrappedDataKey {
  keyId: string;
  /** Base64 of iv ‖ tag ‖ ciphertext. */
  wrappedKey: string;
}

export interface SealedContent {
  keyId: string;
  /** Base64 fields. */
  iv: string;
  ciphertext: string;
  tag: string;
}

/** The content was tampered with, or the key or additional data is not the one it was sealed with. */
export class SealIntegrityError extends Error {
  override readonly name = 'SealIntegrityError';
}

function requireKey(key: Buffer, what: string): void {
  if (key.length !== KEY_BYTES)
    throw new RangeError(`${what} must be ${KEY_BYTES} bytes (got ${key.length})`);
}

function encrypt(key: Buffer, plaintext: Buffer, aad: string) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

/** Throws `failure` for anything that does not authenticate, including a truncated tag or IV. */
function decrypt(
  key: Buffer,
  parts: { iv: Buffer; ciphertext: Buffer; tag: Buffer },
  aad: string,
  failure: () => SealIntegrityError,
): Buffer {
  if (parts.iv.length !== IV_BYTES || parts.tag.length !== TAG_BYTES) throw failure();
  try {
    const decipher = createDecipheriv(ALGORITHM, key, parts.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(parts.tag);
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
  } catch {
    throw failure();
  }
}

/**
 * A new random data key, returned only wrapped under the master key: store the result as it is, and
 * `unwrapDataKey` when sealing or opening. The plaintext key is never part of a value you could store.
 */
export function generateDataKey(masterKey: Buffer): WrappedDataKey {
  requireKey(masterKey, 'The master key');
  const keyId = randomUUID();
  const dataKey = randomBytes(KEY_BYTES);
  try {
    const { iv, ciphertext, tag } = encrypt(masterKey, dataKey, keyId);
    return { keyId, wrappedKey: Buffer.concat([iv, tag, ciphertext]).toString('base64') };
  } finally {
    dataKey.fill(0);
  }
}

export function unwrapDataKey(masterKey: Buffer, wrapped: WrappedDataKey): Buffer {
  requireKey(masterKey, 'The master key');
  const bytes = Buffer.from(wrapped.wrappedKey, 'base64');
  const parts = {
    iv: bytes.subarray(0, IV_BYTES),
    tag: bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
    ciphertext: bytes.subarray(IV_BYTES + TAG_BYTES),
  };
  const dataKey = decrypt(
    masterKey,
    parts,
    wrapped.keyId,
    () =>
      new SealIntegrityError(
        `Data key ${wrapped.keyId} cannot be unwrapped: wrong master key, or the wrapped key was altered`,
      ),
  );
  if (dataKey.length !== KEY_BYTES)
    throw new SealIntegrityError(`Data key ${wrapped.keyId} unwrapped to the wrong length`);
  return dataKey;
}

/** Seals `plaintext` under a data key; `aad` (e.g. the bid's stream name) must be given again to open. */
export function sealContent(
  dataKey: Buffer,
  keyId: string,
  plaintext: Buffer,
  aad: string,
): SealedContent {
  requireKey(dataKey, 'The data key');
  const { iv, ciphertext, tag } = encrypt(dataKey, plaintext, aad);
  return {
    keyId,
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: tag.toString('base64'),
  };
}

export function openSealed(dataKey: Buffer, sealed: SealedContent, aad: string): Buffer {
  requireKey(dataKey, 'The data key');
  const parts = {
    iv: Buffer.from(sealed.iv, 'base64'),
    ciphertext: Buffer.from(sealed.ciphertext, 'base64'),
    tag: Buffer.from(sealed.tag, 'base64'),
  };
  return decrypt(
    dataKey,
    parts,
    aad,
    () =>
      new SealIntegrityError(
        `Sealed content under key ${sealed.keyId} failed its integrity check: it was altered, ` +
          'or the key or the additional data differs from sealing',
      ),
  );
}
