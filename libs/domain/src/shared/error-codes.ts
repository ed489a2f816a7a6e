/**
 * Every code the domain can refuse with, and its kind. The API maps kinds to HTTP statuses
 * (invalid 400/422, unauthorised 401, forbidden 403, not_found 404, conflict 409); docs/errors.md lists them all.
 */
export type ErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict';

export const ERROR_CODES = {
  // Any stage
  TENDER_NOT_FOUND: 'not_found',
  TENDER_ALREADY_EXISTS: 'conflict',
  ILLEGAL_STAGE: 'conflict',
  NOT_YOUR_ORGANISATION: 'forbidden',
  ROLE_NOT_ALLOWED: 'forbidden',
  // Planning before the notice (docs/planning.md)
  INVALID_PROCUREMENT: 'invalid',
  /** A notice or award that does not follow the procurement's planned route. */
  PROCUREMENT_ROUTE_MISMATCH: 'conflict',
  /** Above the threshold, no approval of the strategy as it now stands. */
  STRATEGY_NOT_APPROVED: 'conflict',
  /** An approver without the approver permission. */
  APPROVER_PERMISSION_REQUIRED: 'forbidden',
  /** The strategy's author approving it. */
  STRATEGY_SELF_APPROVAL: 'forbidden',
  /** Material shown in engagement not yet shared with every supplier (PA 2023 s.16(3)). */
  ENGAGEMENT_MATERIAL_NOT_SHARED: 'conflict',
  ENGAGEMENT_ID_REUSED: 'conflict',
  MATERIAL_NOT_FOUND: 'not_found',
  /** No conflicts assessment, or one that leaves out a person acting in the procurement (PA 2023 s.83). */
  CONFLICTS_ASSESSMENT_MISSING: 'conflict',
  INVALID_CONFLICTS_ASSESSMENT: 'invalid',
  /** A direct award before its transparency notice (PA 2023 s.44). */
  TRANSPARENCY_NOTICE_MISSING: 'conflict',
  /** A direct award to another supplier, or on another ground, than its transparency notice. */
  TRANSPARENCY_NOTICE_MISMATCH: 'conflict',
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
  /** A procedure the notice's jurisdiction does not have (the Procurement Act 2023 has no restricted one). */
  PROCEDURE_NOT_AVAILABLE: 'invalid',
  /** Below the statutory minimum tendering period (Procurement Act 2023 s.54, Directive 2014/24 Arts. 27–28). */
  TENDERING_PERIOD_TOO_SHORT: 'invalid',
  /** A reduced period whose ground is not listed, not substantiated, or whose prior notice does not qualify. */
  REDUCED_PERIOD_NOT_JUSTIFIED: 'invalid',
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
  // Evaluation (docs/rules.md#the-rules, rules 2–4)
  BID_NOT_RECONFIRMED: 'conflict',
  BID_NOT_COMPLIANT: 'conflict',
  EXCLUSION_UNREASONED: 'invalid',
  EVALUATION_UNDER_WAY: 'conflict',
  INVALID_PANEL: 'invalid',
  PANEL_TOO_SMALL: 'conflict',
  NOT_ON_PANEL: 'forbidden',
  /** Appointed, but not yet accepted with a token of an evaluator of the buyer. */
  PANEL_MEMBERSHIP_NOT_ACCEPTED: 'forbidden',
  /** A panel member reading a bid it declared a conflict with. */
  CONFLICTED_FROM_BID: 'forbidden',
  INVALID_DECLARATION: 'invalid',
  CONFLICT_ALREADY_DECLARED: 'conflict',
  UNDECLARED_CONFLICT: 'conflict',
  EVALUATOR_CONFLICTED: 'conflict',
  INVALID_SCORE: 'invalid',
  SCORE_UNJUSTIFIED: 'invalid',
  EVALUATION_ALREADY_SUBMITTED: 'conflict',
  INCOMPLETE_EVALUATION: 'conflict',
  MODERATION_UNREASONED: 'invalid',
  /** Issue 12: no such agreed score waits for a second officer (or another score does). */
  MODERATION_NOT_PENDING: 'conflict',
  /** Issue 12: an agreed score outside the panel's range still waits for a second officer. */
  MODERATION_PENDING: 'conflict',
  // Award and standstill (rules 1, 5, 7)
  INSUFFICIENT_COMPETITION: 'conflict',
  WINNER_NOT_COMPLIANT: 'conflict',
  WINNER_NOT_TOP_RANKED: 'conflict',
  DIRECT_AWARD_NOT_ALLOWED: 'conflict',
  INVALID_LEGAL_GROUND: 'invalid',
  AWARD_NOT_PENDING: 'conflict',
  /** Issue 12: the officer confirming an award moderated this tender's scores. */
  CONFIRMER_MODERATED: 'conflict',
  REASON_REQUIRED: 'invalid',
  STANDSTILL_NOT_ENDED: 'conflict',
  // Challenge (rule 7)
  NOT_A_BIDDER: 'forbidden',
  CHALLENGE_OUT_OF_TIME: 'conflict',
  INVALID_CHALLENGE: 'invalid',
  CHALLENGE_ID_REUSED: 'conflict',
  CHALLENGE_NOT_FOUND: 'not_found',
  CHALLENGE_ALREADY_RESOLVED: 'conflict',
  AWARD_SUSPENDED: 'conflict',
  // Contract and changes (rule 8)
  INVALID_CONTRACT: 'invalid',
  /** A contract value other than the awarded price: the contract is the award. */
  CONTRACT_VALUE_MISMATCH: 'invalid',
  INVALID_CHANGE: 'invalid',
  CHANGE_UNJUSTIFIED: 'invalid',
  CHANGE_ID_REUSED: 'conflict',
  CHANGE_NOT_FOUND: 'not_found',
  CHANGE_ALREADY_APPROVED: 'conflict',
  APPROVER_IS_REQUESTER: 'conflict',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof ERROR_CODES;
