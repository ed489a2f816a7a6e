import { randomBytes } from 'node:crypto';
import { openChunk, sealChunk, SEALED_CHUNK_OVERHEAD, type ChunkPlace } from './document-sealing';
import { SealIntegrityError } from './sealing';

const key = randomBytes(32);
const place: ChunkPlace = {
  tenderId: 't1',
  supplierId: 'acme',
  uploadId: 'u1',
  index: 3,
  last: false,
};
const plaintext = randomBytes(4096);

describe('document chunk sealing', () => {
  it('opens what it sealed, and the stored bytes are not the plaintext', () => {
    const sealed = sealChunk(key, place, plaintext);
    expect(sealed.length).toBe(plaintext.length + SEALED_CHUNK_OVERHEAD);
    expect(sealed.includes(plaintext.subarray(0, 32))).toBe(false);
    expect(openChunk(key, place, sealed)).toEqual(plaintext);
  });

  it('uses a fresh IV each time, so a rewritten tail never repeats key and IV', () => {
    expect(sealChunk(key, place, plaintext).subarray(0, 12)).not.toEqual(
      sealChunk(key, place, plaintext).subarray(0, 12),
    );
  });

  it.each<[string, Partial<ChunkPlace>]>([
    ['moved to another index (reordered)', { index: 4 }],
    ['claimed as the last chunk (truncation)', { last: true }],
    ['moved to another upload', { uploadId: 'u2' }],
    ['moved to another supplier', { supplierId: 'other' }],
    ['moved to another tender', { tenderId: 't2' }],
  ])('refuses a chunk %s', (_, change) => {
    const sealed = sealChunk(key, place, plaintext);
    expect(() => openChunk(key, { ...place, ...change }, sealed)).toThrow(SealIntegrityError);
  });

  it('refuses an altered, cut or foreign-key chunk', () => {
    const sealed = sealChunk(key, place, plaintext);
    const altered = Buffer.from(sealed);
    altered[sealed.length - 1] ^= 1;
    expect(() => openChunk(key, place, altered)).toThrow(SealIntegrityError);
    expect(() => openChunk(key, place, sealed.subarray(0, 20))).toThrow(SealIntegrityError);
    expect(() => openChunk(randomBytes(32), place, sealed)).toThrow(SealIntegrityError);
  });
});
