import { createPrivateKey, type KeyObject } from 'node:crypto';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The 32 bytes of a base64 AES-256 key, or undefined when the text is not exactly that. */
export function decodeMasterKey(text: string): Buffer | undefined {
  const compact = text.trim();
  if (!BASE64.test(compact) || compact.length % 4 !== 0) return undefined;
  const key = Buffer.from(compact, 'base64');
  return key.length === 32 ? key : undefined;
}

/**
 * An Ed25519 private key given as PKCS#8 PEM or as base64 of PKCS#8 DER, or undefined when it is
 * neither. A PEM squeezed onto one line with literal `\n` (as .env files and compose files carry it)
 * is accepted too.
 */
export function parseReceiptSigningKey(text: string): KeyObject | undefined {
  const compact = text.trim();
  try {
    const key = compact.startsWith('-----BEGIN')
      ? createPrivateKey({ key: compact.replace(/\\n/g, '\n'), format: 'pem' })
      : BASE64.test(compact)
        ? createPrivateKey({ key: Buffer.from(compact, 'base64'), format: 'der', type: 'pkcs8' })
        : undefined;
    return key?.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Same key material, whatever encoding each was given in. */
export function samePrivateKey(a: KeyObject, b: KeyObject): boolean {
  const der = (key: KeyObject) => key.export({ format: 'der', type: 'pkcs8' });
  return der(a).equals(der(b));
}
