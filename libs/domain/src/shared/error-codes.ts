/**
 * Every code the domain can refuse with, and its kind. The API maps kinds to HTTP statuses
 * (invalid 400/422, unauthorised 401, forbidden 403, not_found 404, conflict 409); the README lists them all.
 */
export type ErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict';

export const ERROR_CODES = {
  // Any stage
  TENDER_NOT_FOUND: 'not_found',
  TENDER_ALREADY_EXISTS: 'conflict',
  ILLEGAL_STAGE: 'conflict',
  NOT_YOUR_ORGANISATION: 'forbidden',
  ROLE_NOT_ALLOWED: 'forbidden',
  // Notice
  INVALID_NOTICE: 'invalid',
  CRITERIA_WEIGHTS_NOT_100: 'invalid',
  DEADLINE_TOO_SOON: 'invalid',
  DEADLINES_OUT_OF_ORDER: 'invalid',
  CLARIFICATION_NOT_FOUND: 'not_found',
  CLARIFICATION_ALREADY_ANSWERED: 'conflict',
  CLARIFICATION_DEADLINE_PASSED: 'conflict',
  /** The same question id sent again with a different question (or by another supplier). */
  CLARIFICATION_ID_REUSED: 'conflict',
  NOTHING_TO_AMEND: 'invalid',
  // Bidding
  LATE_BID: 'conflict',
  TENDERING_NOT_OPEN: 'conflict',
  BID_NOT_FOUND: 'not_found',
  BID_ALREADY_SUBMITTED: 'conflict',
  BID_INCOMPLETE: 'invalid',
  BID_CURRENCY_MISMATCH: 'invalid',
  BID_ALREADY_CONFIRMED: 'conflict',
  IDEMPOTENCY_KEY_REUSED: 'conflict',
  SEALED: 'forbidden',
  // Closing and opening
  DEADLINE_NOT_REACHED: 'conflict',
  SAME_OFFICER_TWICE: 'conflict',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_CODES;
