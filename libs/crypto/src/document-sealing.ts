import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SealIntegrityError } from './sealing';

/**
 * Streaming authenticated encryption of bid documents: the plaintext is cut into chunks of
 * `DOCUMENT_CHUNK_BYTES` (the last one shorter), each sealed on its own with AES-256-GCM under the
 * tender's data key. The additional data binds each chunk to its tender, supplier, upload, index and
 * whether it is the last, so a chunk moved, reordered, dropped, or a document cut short after a
 * chunk boundary fails to open (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár).
 *
 * The IV is random, not derived from the index: a resumed upload rewrites its unfinished tail chunk
 * under the same index, and a derived IV would then encrypt two plaintexts under one key and IV.
 * Random 96-bit IVs stay well inside GCM's 2^32 messages per key (a tender of 1,000 bids of 1 GiB is
 * 2^20 chunks).
 */
export const DOCUMENT_CHUNK_BYTES = 1024 * 1024;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bytes a sealed chunk adds to its plaintext. */
export const SEALED_CHUNK_OVERHEAD = IV_BYTES + TAG_BYTES;

export interface ChunkPlace {
  tenderId: string;
  supplierId: string;
  uploadId: string;
  index: number;
  last: boolean;
}

function additionalData(place: ChunkPlace): Buffer {
  const { tenderId, supplierId, uploadId, index, last } = place;
  return Buffer.from(
    `fairtender-document/1/${tenderId}/${supplierId}/${uploadId}/${index}/${last ? 'last' : 'more'}`,
    'utf8',
  );
}

/** `iv ‖ tag ‖ ciphertext` of one chunk. */
export function sealChunk(dataKey: Buffer, place: ChunkPlace, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(place));
  const head = cipher.update(plaintext);
  const tail = cipher.final();
  return Buffer.concat([iv, cipher.getAuthTag(), head, tail]);
}

export function openChunk(dataKey: Buffer, place: ChunkPlace, sealed: Buffer): Buffer {
  const failure = () =>
    new SealIntegrityError(
      `Chunk ${place.index} of document ${place.uploadId} failed its integrity check: altered, ` +
        'moved, reordered or cut short',
    );
  if (sealed.length < SEALED_CHUNK_OVERHEAD) throw failure();
  try {
    const decipher = createDecipheriv('aes-256-gcm', dataKey, sealed.subarray(0, IV_BYTES), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(additionalData(place));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, SEALED_CHUNK_OVERHEAD));
    const head = decipher.update(sealed.subarray(SEALED_CHUNK_OVERHEAD));
    return Buffer.concat([head, decipher.final()]);
  } catch {
    throw failure();
  }
}

/** How many chunks a document of `size` plaintext bytes is stored as. */
export function chunkCountOf(size: number): number {
  return Math.ceil(size / DOCUMENT_CHUNK_BYTES);
}
