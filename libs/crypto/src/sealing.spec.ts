import { randomBytes } from 'node:crypto';
import {
  generateDataKey,
  openSealed,
  sealContent,
  SealIntegrityError,
  unwrapDataKey,
  type SealedContent,
} from './sealing';

const masterKey = randomBytes(32);
const aad = 'tender-t1.bid-acme';
const plaintext = Buffer.from('{"price":{"amount":"100000.00","currency":"EUR"}}', 'utf8');

function sealNew() {
  const wrapped = generateDataKey(masterKey);
  const dataKey = unwrapDataKey(masterKey, wrapped);
  return { wrapped, dataKey, sealed: sealContent(dataKey, wrapped.keyId, plaintext, aad) };
}

/** Flips one bit of a base64 field. */
function flip(base64: string, byte = 0): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[byte] ^= 0x01;
  return bytes.toString('base64');
}

describe('sealing', () => {
  it('opens what it sealed, and nothing readable is stored', () => {
    const { wrapped, dataKey, sealed } = sealNew();
    expect(wrapped.keyId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(wrapped).sort()).toEqual(['keyId', 'wrappedKey']);
    expect(sealed.keyId).toBe(wrapped.keyId);
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.tag, 'base64')).toHaveLength(16);
    expect(Buffer.from(sealed.ciphertext, 'base64').toString('utf8')).not.toContain('price');
    expect(openSealed(dataKey, sealed, aad)).toEqual(plaintext);
  });

  it('uses a fresh data key per call and a fresh IV per seal', () => {
    const a = generateDataKey(masterKey);
    const b = generateDataKey(masterKey);
    expect(a.keyId).not.toBe(b.keyId);
    expect(unwrapDataKey(masterKey, a)).not.toEqual(unwrapDataKey(masterKey, b));
    const { dataKey, wrapped } = sealNew();
    const first = sealContent(dataKey, wrapped.keyId, plaintext, aad);
    const second = sealContent(dataKey, wrapped.keyId, plaintext, aad);
    expect(first.iv).not.toBe(second.iv);
    expect(first.ciphertext).not.toBe(second.ciphertext);
  });

  it('refuses to open under other additional data (another bid stream)', () => {
    const { dataKey, sealed } = sealNew();
    expect(() => openSealed(dataKey, sealed, 'tender-t1.bid-birch')).toThrow(SealIntegrityError);
  });

  it.each<[string, (sealed: SealedContent) => SealedContent]>([
    ['ciphertext', (s) => ({ ...s, ciphertext: flip(s.ciphertext, 5) })],
    ['tag', (s) => ({ ...s, tag: flip(s.tag) })],
    ['iv', (s) => ({ ...s, iv: flip(s.iv) })],
    [
      'tag, truncated',
      (s) => ({ ...s, tag: Buffer.from(s.tag, 'base64').subarray(0, 4).toString('base64') }),
    ],
  ])('detects a tampered %s', (_field, tamper) => {
    const { dataKey, sealed } = sealNew();
    expect(() => openSealed(dataKey, tamper(sealed), aad)).toThrow(
      /failed its integrity check: it was altered/,
    );
  });

  it('refuses to unwrap with the wrong master key, another key id, or an altered wrapped key', () => {
    const { wrapped } = sealNew();
    expect(() => unwrapDataKey(randomBytes(32), wrapped)).toThrow(SealIntegrityError);
    expect(() =>
      unwrapDataKey(masterKey, { ...wrapped, keyId: generateDataKey(masterKey).keyId }),
    ).toThrow(/cannot be unwrapped: wrong master key/);
    expect(() =>
      unwrapDataKey(masterKey, { ...wrapped, wrappedKey: flip(wrapped.wrappedKey, 40) }),
    ).toThrow(SealIntegrityError);
  });

  it('does not open with another data key', () => {
    const { sealed } = sealNew();
    const other = unwrapDataKey(masterKey, generateDataKey(masterKey));
    expect(() => openSealed(other, sealed, aad)).toThrow(SealIntegrityError);
  });

  it('refuses keys of the wrong size', () => {
    expect(() => generateDataKey(randomBytes(16))).toThrow(
      'The master key must be 32 bytes (got 16)',
    );
  });
});
