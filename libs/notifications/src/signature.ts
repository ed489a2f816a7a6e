import { createHmac, timingSafeEqual } from 'node:crypto';

/** Unix time in seconds at which the delivery was signed. */
export const TIMESTAMP_HEADER = 'Fairtender-Timestamp';
/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`; more schemes may follow, comma-separated. */
export const SIGNATURE_HEADER = 'Fairtender-Signature';
/** A receiver should refuse a delivery signed longer ago than this (replay protection). */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * The signature of one delivery: HMAC-SHA256 keyed with the UTF-8 bytes of the whole secret (as
 * returned at registration, `whsec_` prefix included), over `<timestamp>.<body>` where body is the exact
 * bytes of the request body. Signing the timestamp too means a captured delivery cannot be replayed
 * later with a fresh timestamp.
 */
export function signDelivery(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `v1=${mac}`;
}

export interface SignedDelivery {
  secret: string;
  /** The `Fairtender-Timestamp` header. */
  timestamp: string | undefined;
  /** The `Fairtender-Signature` header. */
  signature: string | undefined;
  /** The raw request body, exactly as received. */
  body: string;
  /** The receiver's clock, in milliseconds. */
  nowMs: number;
  toleranceSeconds?: number;
}

export type VerificationFailure = 'missing' | 'malformed' | 'stale' | 'mismatch';

/** What a receiver does (the reference for the README's algorithm): undefined when the delivery is genuine. */
export function verifyDelivery(delivery: SignedDelivery): VerificationFailure | undefined {
  const { timestamp, signature, body, secret } = delivery;
  if (!timestamp || !signature) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp)) return 'malformed';
  const tolerance = delivery.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(delivery.nowMs / 1000 - Number(timestamp)) > tolerance) return 'stale';
  const expected = Buffer.from(signDelivery(secret, Number(timestamp), body).slice(3), 'hex');
  const candidates = signature
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3));
  if (candidates.length === 0) return 'malformed';
  const matches = candidates.some((hex) => {
    if (!/^[0-9a-f]{64}$/.test(hex)) return false;
    return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
  });
  return matches ? undefined : 'mismatch';
}
