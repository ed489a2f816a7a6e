import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Actor, EvidencePage } from '@fairtender/domain';

/** What a signed link carries: who issued it (and is recorded as the reader), for which page, until when. */
export interface PageLinkClaims {
  linkId: string;
  tenderId: string;
  page: EvidencePage;
  actor: Actor;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  timeZone: string;
}

/** Why a link was refused: its code, as the API answers it. */
export class PageLinkError extends Error {
  constructor(
    readonly code: 'LINK_INVALID' | 'LINK_EXPIRED',
    message: string,
  ) {
    super(message);
  }
}

const VERSION = 'ftl1';
const CONTEXT = 'fairtender page link v1';

/**
 * The links' own key, derived from the sealing master key with HKDF-SHA-256 (RFC 5869) under its own
 * label: one secret to keep, a key used for nothing else. Rotating the master key ends every link.
 */
export function derivePageLinkKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), CONTEXT, 32));
}

const mac = (key: Buffer, payload: string) =>
  createHmac('sha256', key).update(`${VERSION}.${payload}`).digest();

/** `ftl1.<claims, base64url JSON>.<HMAC-SHA-256, base64url>`: readable by anyone, forged by no one. */
export function signPageLink(key: Buffer, claims: PageLinkClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${VERSION}.${payload}.${mac(key, payload).toString('base64url')}`;
}

/** The claims of a link this server signed, for this tender and page, not yet expired; else PageLinkError. */
export function verifyPageLink(
  key: Buffer,
  token: string,
  expected: { tenderId: string; page: EvidencePage; now: number },
): PageLinkClaims {
  const [version, payload, signature, extra] = token.split('.');
  if (version !== VERSION || !payload || !signature || extra !== undefined)
    throw new PageLinkError('LINK_INVALID', 'This is not a Fairtender page link');
  const given = Buffer.from(signature, 'base64url');
  const wanted = mac(key, payload);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
    throw new PageLinkError(
      'LINK_INVALID',
      'The link was not signed by this server, or was altered',
    );
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PageLinkClaims;
  if (claims.tenderId !== expected.tenderId || claims.page !== expected.page)
    throw new PageLinkError(
      'LINK_INVALID',
      `The link opens another page: the ${claims.page} of tender ${claims.tenderId}`,
    );
  if (!(expected.now < claims.expiresAt))
    throw new PageLinkError(
      'LINK_EXPIRED',
      `The link expired on ${new Date(claims.expiresAt).toISOString()}: ask whoever sent it for a new one`,
    );
  return claims;
}
