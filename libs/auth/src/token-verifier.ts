import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthSettings } from '@fairtender/config';
import { ROLES, type Actor, type Role } from '@fairtender/domain';
import { AuthError, AuthUnavailableError } from './auth-errors';
import { IDENTIFIER_RULE, identifierProblem } from './identifier';
import { VerifiedTokenCache } from './verified-token-cache';

/** Asymmetric only: a JWKS never holds a shared secret, and `none` or HS* must not slip through. */
const JWKS_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];
const CLOCK_TOLERANCE_SECONDS = 5;
const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;

/**
 * Turns a bearer token into the Actor it speaks for: signature, issuer, audience and expiry checked
 * by jose, then our claims `sub` (user id), `org` (organisation id) and `role`.
 */
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];
  private readonly verified = new VerifiedTokenCache();

  constructor(private readonly settings: AuthSettings) {
    if (settings.mode === 'secret') {
      this.key = new TextEncoder().encode(settings.secret);
      this.algorithms = ['HS256'];
    } else {
      this.key = createRemoteJWKSet(new URL(settings.jwksUrl));
      this.algorithms = JWKS_ALGORITHMS;
    }
  }

  /** The value of an `Authorization` header, as the HTTP adapter hands it over. */
  async verifyAuthorizationHeader(header: string | string[] | undefined): Promise<Actor> {
    if (header === undefined || header === '')
      throw new AuthError(
        'UNAUTHENTICATED',
        'Authentication required: send "Authorization: Bearer <token>"',
      );
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match)
      throw new AuthError(
        'UNAUTHENTICATED',
        'The Authorization header must be a single "Bearer <token>"',
      );
    return this.verify(match[1]);
  }

  async verify(token: string): Promise<Actor> {
    const cached = this.verified.get(token, Date.now());
    if (cached) return cached;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key as JWTVerifyGetKey, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        algorithms: this.algorithms,
        requiredClaims: ['exp'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw this.translate(error);
    }
    const actor = actorFrom(payload);
    // `exp` is required above; the cache forgets the token when it expires.
    this.verified.set(token, actor, (payload.exp as number) * 1000);
    return actor;
  }

  private translate(error: unknown): Error {
    if (error instanceof errors.JWTExpired) {
      const exp = typeof error.payload.exp === 'number' ? error.payload.exp : undefined;
      const expiredAt = exp === undefined ? undefined : new Date(exp * 1000).toISOString();
      return new AuthError('TOKEN_EXPIRED', `Token expired${expiredAt ? ` at ${expiredAt}` : ''}`, {
        expiredAt,
      });
    }
    if (error instanceof errors.JWTClaimValidationFailed)
      return invalid(
        `Token claim "${error.claim}" is ${error.reason === 'missing' ? 'missing' : `invalid: ${error.message}`}`,
        {
          claim: error.claim,
        },
      );
    if (error instanceof errors.JWSSignatureVerificationFailed)
      return invalid('Token signature is invalid', { claim: 'signature' });
    if (error instanceof errors.JWKSNoMatchingKey)
      return invalid('Token was not signed by any key of the identity provider', { claim: 'kid' });
    if (error instanceof errors.JOSEAlgNotAllowed)
      return invalid(`Token algorithm is not accepted (accepted: ${this.algorithms.join(', ')})`, {
        claim: 'alg',
      });
    if (
      error instanceof errors.JWSInvalid ||
      error instanceof errors.JWTInvalid ||
      error instanceof errors.JOSENotSupported
    )
      return invalid(`Token is malformed: ${error.message}`);
    // Whatever else went wrong fetching or reading the key set is the identity provider's problem.
    if (this.settings.mode === 'jwks')
      return new AuthUnavailableError("The identity provider's keys could not be obtained", {
        reason: error instanceof Error ? error.message : String(error),
      });
    return error instanceof Error ? error : new Error(String(error));
  }
}

function invalid(message: string, details: Record<string, unknown> = {}): AuthError {
  return new AuthError('TOKEN_INVALID', message, details);
}

function actorFrom(payload: JWTPayload): Actor {
  const text = (claim: string): string => {
    const value = payload[claim];
    if (typeof value !== 'string' || value === '')
      throw invalid(
        `Token claim "${claim}" is ${value === undefined ? 'missing' : 'not a non-empty string'}`,
        { claim },
      );
    return value;
  };
  const identifier = (claim: 'sub' | 'org'): string => {
    const value = text(claim);
    const problem = identifierProblem(value);
    if (problem)
      throw invalid(`Token claim "${claim}" must be ${IDENTIFIER_RULE}`, { claim, problem });
    return value;
  };
  const userId = identifier('sub');
  const organisationId = identifier('org');
  const role = text('role');
  if (!(ROLES as readonly string[]).includes(role))
    throw invalid(`Token claim "role" must be one of ${ROLES.join(', ')}`, { claim: 'role' });
  return { userId, organisationId, role: role as Role };
}
