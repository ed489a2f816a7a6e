import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  receiptKeyId,
  receiptPublicKey,
  signReceipt,
  verifyReceipt,
  type ReceiptPayload,
  type SignedReceipt,
} from './receipts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

const payload: ReceiptPayload = {
  tenderId: 't-1',
  supplierId: 'acme',
  contentHash: 'a'.repeat(64),
  receivedAt: '2026-03-01T09:59:59.999Z',
  streamName: 'tender-t-1.bid-acme',
  revision: 0,
  position: '1234-1234',
  eventId: '0b7c1c4e-9a43-4f4b-9f55-0d8f3f0b1a11',
  kind: 'BidSubmitted',
};

describe('bid receipts', () => {
  it('verifies with the public key as KeyObject, PEM or JWK', () => {
    const receipt = signReceipt(privateKey, payload);
    const published = receiptPublicKey(privateKey);
    expect(receipt.algorithm).toBe('Ed25519');
    expect(receipt.keyId).toBe(published.keyId);
    expect(verifyReceipt(publicKey, receipt)).toBe(true);
    expect(verifyReceipt(published.publicKeyPem, receipt)).toBe(true);
    expect(verifyReceipt(published.jwk, receipt)).toBe(true);
  });

  it('signs the RFC 8785 canonical JSON of the payload, whatever its key order', () => {
    const reordered = Object.fromEntries(Object.entries(payload).reverse()) as ReceiptPayload;
    expect(signReceipt(privateKey, reordered).signature).toBe(
      signReceipt(privateKey, payload).signature,
    );
  });

  it('is deterministic: the same payload gives the same signature', () => {
    expect(signReceipt(privateKey, { ...payload }).signature).toBe(
      signReceipt(privateKey, payload).signature,
    );
  });

  it.each(Object.keys(payload) as (keyof ReceiptPayload)[])(
    'fails verification when the payload field %s is changed',
    (field) => {
      const receipt = signReceipt(privateKey, payload);
      const value = payload[field];
      const changed = typeof value === 'number' ? value + 1 : `${value}x`;
      const forged = { ...receipt, payload: { ...payload, [field]: changed } } as SignedReceipt;
      expect(verifyReceipt(publicKey, forged)).toBe(false);
    },
  );

  it('fails verification when a field is added, or the envelope is altered', () => {
    const receipt = signReceipt(privateKey, payload);
    const withExtra = { ...receipt, payload: { ...payload, note: 'late' } } as SignedReceipt;
    expect(verifyReceipt(publicKey, withExtra)).toBe(false);
    expect(verifyReceipt(publicKey, { ...receipt, keyId: '0'.repeat(16) })).toBe(false);
    const signature = Buffer.from(receipt.signature, 'base64');
    signature[0] ^= 1;
    expect(verifyReceipt(publicKey, { ...receipt, signature: signature.toString('base64') })).toBe(
      false,
    );
    expect(verifyReceipt(publicKey, { ...receipt, signature: 'not base64!' })).toBe(false);
  });

  it('fails verification against another key', () => {
    const receipt = signReceipt(privateKey, payload);
    expect(verifyReceipt(generateKeyPairSync('ed25519').publicKey, receipt)).toBe(false);
    expect(
      verifyReceipt(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey, receipt),
    ).toBe(false);
  });

  it('names the key by the SHA-256 of its raw 32 bytes, and publishes it', () => {
    const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
    const expected = createHash('sha256').update(raw).digest('hex').slice(0, 16);
    expect(receiptKeyId(publicKey)).toBe(expected);
    const published = receiptPublicKey(privateKey);
    expect(published).toEqual({
      keyId: expected,
      algorithm: 'Ed25519',
      publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }),
      jwk: {
        kty: 'OKP',
        crv: 'Ed25519',
        x: raw.toString('base64url'),
        kid: expected,
        alg: 'EdDSA',
        use: 'sig',
      },
    });
    expect(JSON.stringify(published)).not.toContain('"d"');
  });

  it('refuses to sign with anything but an Ed25519 private key', () => {
    expect(() => signReceipt(publicKey, payload)).toThrow(TypeError);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    expect(() => signReceipt(ec, payload)).toThrow('Ed25519 private key');
  });
});
