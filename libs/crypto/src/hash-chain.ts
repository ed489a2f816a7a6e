import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * Per-stream tamper evidence (DESIGN §5). The algorithm is documented in the README so that a third
 * party can verify an evidence bundle without our code:
 *
 *   contentHash = SHA-256( JCS({ data, eventId, metadata, streamName, type, version }) )   (RFC 8785)
 *   hash_r      = SHA-256( hash_{r-1} ‖ contentHash ‖ int64_be(r) )                       (raw bytes)
 *   hash_{-1}   = 32 zero bytes
 *
 * The PostgreSQL adapters compute the chaining step inside the append function (it is the only place
 * that knows the previous head under the stream lock); the content hash is computed here.
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

export function contentHash(content: HashedContent): Buffer {
  const canonical = canonicalize({
    data: content.data,
    eventId: content.eventId,
    metadata: content.metadata,
    streamName: content.streamName,
    type: content.type,
    version: content.version,
  });
  return createHash('sha256').update(canonical ?? '', 'utf8').digest();
}

export function chainHash(previousHash: Buffer, content: Buffer, revision: number): Buffer {
  const revisionBytes = Buffer.alloc(8);
  revisionBytes.writeBigInt64BE(BigInt(revision));
  return createHash('sha256').update(previousHash).update(content).update(revisionBytes).digest();
}
