import type { Role } from '@fairtender/domain';

export type AuthErrorCode = 'UNAUTHENTICATED' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED';

/**
 * 401: no usable credentials. Carries the `{ status, code, message, details }` the API's exception
 * filter maps, so this library needs no filter of its own.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly status = 401;

  constructor(
    readonly code: AuthErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** 403: authenticated, but the route is for other roles. */
export class ForbiddenRoleError extends Error {
  override readonly name = 'ForbiddenRoleError';
  readonly status = 403;
  readonly code = 'ROLE_NOT_ALLOWED';
  readonly details: { role: Role; allowed: readonly Role[] };

  constructor(role: Role, allowed: readonly Role[]) {
    super(`Role ${role} may not do this; allowed: ${allowed.join(', ')}`);
    this.details = { role, allowed };
  }
}

/**
 * 503: the identity provider's keys could not be fetched, so no token can be checked. Not the
 * client's fault, hence not a 401.
 */
export class AuthUnavailableError extends Error {
  override readonly name = 'AuthUnavailableError';
  readonly status = 503;
  readonly code = 'AUTH_UNAVAILABLE';

  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
