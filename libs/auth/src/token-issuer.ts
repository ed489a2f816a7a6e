import { SignJWT } from 'jose';
import type { AuthSettings } from '@fairtender/config';
import type { Actor } from '@fairtender/domain';

export interface IssueTokenOptions {
  /** A jose time span ("8h", "30m", "2 days"; "-1h" for an already expired token) or seconds. */
  expiresIn?: string | number;
}

/**
 * An HS256 token for `actor`, as TokenVerifier expects it in secret mode. For the CLI, the demo and
 * tests: in production tokens come from the identity provider.
 */
export async function issueToken(
  auth: AuthSettings,
  actor: Actor,
  { expiresIn = '8h' }: IssueTokenOptions = {},
): Promise<string> {
  if (auth.mode !== 'secret')
    throw new Error(
      `Tokens can only be issued with a shared secret; AUTH_JWKS_URL is set, so tokens come from the identity provider (${auth.jwksUrl})`,
    );
  const issuedAt = Math.floor(Date.now() / 1000);
  const token = new SignJWT({ org: actor.organisationId, role: actor.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(actor.userId)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt(issuedAt);
  try {
    token.setExpirationTime(typeof expiresIn === 'number' ? issuedAt + expiresIn : expiresIn);
  } catch {
    throw new RangeError(
      `expiresIn must be a time span like 30m, 8h or 2d (got "${String(expiresIn)}")`,
    );
  }
  return token.sign(new TextEncoder().encode(auth.secret));
}
