import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'whsec_';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A new signing secret: `whsec_` and 32 random bytes in base64url. Shown to the supplier once. */
export function generateWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * The key that encrypts signing secrets at rest, derived from the master key (HKDF-SHA256 with its own
 * label), so a copy of the table alone reveals no secret and the sealing key itself is never reused.
 */
function secretsKey(masterKey: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', masterKey, Buffer.alloc(0), 'fairtender/webhook-secrets/v1', 32),
  );
}

/** AES-256-GCM, bound to the supplier (additional data), as base64 of iv ‖ tag ‖ ciphertext. */
export function encryptWebhookSecret(
  masterKey: Buffer,
  supplierId: string,
  secret: string,
): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', secretsKey(masterKey), iv, {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(Buffer.from(supplierId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

export function decryptWebhookSecret(
  masterKey: Buffer,
  supplierId: string,
  stored: string,
): string {
  const bytes = Buffer.from(stored, 'base64');
  const iv = bytes.subarray(0, IV_BYTES);
  const tag = bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', secretsKey(masterKey), iv, {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(Buffer.from(supplierId, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([
    decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
}
