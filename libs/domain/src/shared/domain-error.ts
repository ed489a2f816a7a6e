import { ERROR_CODES, type ErrorCode } from './error-codes';
import type { DomainEvent } from './domain-event';

/**
 * A refusal by the domain: a stable `code` (see error-codes.ts), a message saying exactly what is wrong,
 * and details a client can act on. `record` holds events that must be stored even though the command
 * was refused (a late bid, a sealed read): the refusal itself is evidence (docs/rules.md#sealed-bids).
 */
export class DomainError extends Error {
  readonly kind;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly record: readonly DomainEvent[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
    this.kind = ERROR_CODES[code];
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
