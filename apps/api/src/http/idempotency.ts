import { randomUUID } from 'node:crypto';
import type { Actor } from '@fairtender/domain';
import { ApiError } from './api-error';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
const ACCEPTABLE_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

/** The request's Idempotency-Key, if any; a malformed one is refused rather than ignored. */
export function idempotencyKeyOf(headers: Record<string, string | string[] | undefined>) {
  const raw = headers[IDEMPOTENCY_KEY_HEADER];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!ACCEPTABLE_KEY.test(key)) {
    throw new ApiError(
      400,
      'INVALID_IDEMPOTENCY_KEY',
      'Idempotency-Key must be 1-128 characters of letters, digits, ".", "_", ":" or "-"',
      { header: 'Idempotency-Key' },
    );
  }
  return key;
}

/**
 * The command id for a request: derived from the key (scoped to the organisation and the action, so two
 * suppliers' keys never collide), else fresh. Event ids derive from it, so a retry cannot add a fact.
 */
export function commandIdFor(actor: Actor, scope: string, key: string | undefined): string {
  return key === undefined ? randomUUID() : `idempotent:${actor.organisationId}:${scope}:${key}`;
}
