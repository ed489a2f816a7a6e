import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * Per-stream tamper evidence (docs/architecture.md#hash-chain). The algorithm is documented in docs/architecture.md#hash-chain so that a third
 * party can verify an evidence bundle without our code:
 *
 *   content     = JCS({ data, eventId, metadata, streamName, type, version })     (RFC 8785)
 *   contentHash = SHA-256(UTF-8 bytes of content)
 *   hash_r      = SHA-256( hash_{r-1} ‖ contentHash ‖ int64_be(r) )             (raw 32-byte digests)
 *   hash_{-1}   = 32 zero bytes
 *
 * The SQL adapters compute the chaining step inside the append function, the only place that knows
 * the stream's head at the moment of writing; the content hash is computed here.
 */
export const GENESIS_HASH = Buffer.alloc(32);
export const GENESIS_HASH_HEX = GENESIS_HASH.toString('hex');

export interface HashedContent {
  eventId: string;
  streamName: string;
  type: string;
  version: number;
  data: unknown;
  metadata: unknown;
}

/** The canonical text of an event's content, given its data and metadata already canonicalised. */
export function canonicalContent(
  content: Omit<HashedContent, 'data' | 'metadata'>,
  canonicalData: string,
  canonicalMetadata: string,
): string {
  return (
    `{"data":${canonicalData},"eventId":${JSON.stringify(content.eventId)},` +
    `"metadata":${canonicalMetadata},"streamName":${JSON.stringify(content.streamName)},` +
    `"type":${JSON.stringify(content.type)},"version":${canonicalJson(content.version)}}`
  );
}

export function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export function contentHash(content: HashedContent): Buffer {
  return sha256(
    canonicalContent(content, canonicalJson(content.data), canonicalJson(content.metadata)),
  );
}

export function chainHash(previousHash: Buffer, content: Buffer, revision: number): Buffer {
  const revisionBytes = Buffer.alloc(8);
  revisionBytes.writeBigInt64BE(BigInt(revision));
  return createHash('sha256').update(previousHash).update(content).update(revisionBytes).digest();
}
