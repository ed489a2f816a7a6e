/**
 * The error codes the API answers beyond the domain's ERROR_CODES (edge validation, auth, body limits, rate
 * limits, the event store, legal replay, webhooks), with their HTTP status and meaning. docs/errors.md is
 * generated from this map and ERROR_DESCRIPTIONS by scripts/error-reference.ts; a spec checks that every code
 * the API's sources raise is listed here or in ERROR_CODES.
 */
export interface ApiErrorCode {
  status: number;
  when: string;
}

export const API_ERROR_CODES: Record<string, ApiErrorCode> = {
  PRECONDITION_FAILED: {
    status: 412,
    when: "the request's `If-Match` names a revision the record has moved on from (`details.expectedRevision`, `currentRevision`): read it again, then retry",
  },
  INVALID_IF_MATCH: {
    status: 400,
    when: '`If-Match` is neither `*` nor one entity tag as this api sends it in `ETag` (`"7"`)',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    when: 'the path exists but not with this method; the `Allow` header and `details.allow` list the methods it answers',
  },
  LINK_INVALID: {
    status: 401,
    when: 'a page was opened without a signed link, or with one this server did not sign, that was altered, or that opens another page or tender: ask for a new one (`POST /tenders/{tenderId}/evidence/links`)',
  },
  LINK_EXPIRED: {
    status: 401,
    when: 'a page was opened through a signed link past its `expiresAt`: ask whoever sent it for a new one',
  },
  SANDBOX_DISABLED: {
    status: 403,
    when: 'the sandbox clock was asked for with NODE_ENV=production, where time is real time',
  },
  CLOCK_NOT_FORWARD: {
    status: 409,
    when: 'the sandbox clock was asked to move to a moment it has already passed (`details.now`)',
  },
  BODY_TOO_DEEP: {
    status: 400,
    when: 'the body nests more than 16 levels',
  },
  ARRAY_TOO_LONG: {
    status: 400,
    when: "an array longer than its DTO's `@ArrayMaxSize` (`details.field`, `max`) or than 1,000 items",
  },
  BODY_TOO_COMPLEX: {
    status: 400,
    when: 'more than 10,000 values — refused before it is parsed or transformed',
  },
  NUMBER_OUT_OF_RANGE: {
    status: 400,
    when: 'a number that overflows (`1e400`), underflows to 0 (`1e-400`) or is denormal (`1e-320`); `details.field` names it',
  },
  TEXT_HAS_NUL: {
    status: 400,
    when: 'a string holds `\\u0000` (`details.field` names it)',
  },
  MALFORMED_JSON: {
    status: 400,
    when: 'the body is not valid JSON',
  },
  VALIDATION_FAILED: {
    status: 400,
    when: 'a field is missing, of the wrong type or size, or unknown; `details.fields` lists each field (`awardCriteria.0.weight`) with its problems',
  },
  INVALID_PARAMETER: {
    status: 400,
    when: 'a path parameter is malformed (a tender id that is not a UUID, a supplier id with odd characters)',
  },
  INVALID_IDEMPOTENCY_KEY: {
    status: 400,
    when: '`Idempotency-Key` is not 1–128 of `A-Z a-z 0-9 . _ : -`',
  },
  INVALID_POSITION: {
    status: 400,
    when: '`X-Min-Position` is not `<commit>-<prepare>`',
  },
  INVALID_CURSOR: {
    status: 400,
    when: 'a `cursor` was not produced by the listing (history: not a position)',
  },
  INVALID_MOMENT: {
    status: 400,
    when: 'a replay moment (`at`, `position`, `from`, `to`) that is neither an ISO time with a zone nor a position; not one of `at`, `position`',
  },
  UNAUTHENTICATED: {
    status: 401,
    when: 'no `Authorization: Bearer …` header, or not a single bearer token',
  },
  TOKEN_INVALID: {
    status: 401,
    when: 'bad signature, issuer, audience or claim (`details.claim` names it); a `sub` or `org` that is not an identifier (`details.problem`, see [Security](operations.md#security-limits))',
  },
  TOKEN_EXPIRED: {
    status: 401,
    when: "the token's `exp` has passed",
  },
  AWARD_NOT_FOUND: {
    status: 404,
    when: 'the tender has no standing award (yet, or any more): the message says why',
  },
  ENGAGEMENT_NOTICE_NOT_FOUND: {
    status: 404,
    when: 'no preliminary market engagement notice has been published for the procurement (docs/planning.md)',
  },
  TRANSPARENCY_NOTICE_NOT_FOUND: {
    status: 404,
    when: 'no transparency notice has been published for the procurement (docs/planning.md)',
  },
  ASSESSMENT_SUMMARY_NOT_FOUND: {
    status: 404,
    when: 'no assessment summary was issued to this supplier on the tender',
  },
  WEBHOOK_NOT_FOUND: {
    status: 404,
    when: 'the supplier has no webhook registered (`GET`/`DELETE /webhook`)',
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    when: 'no such endpoint',
  },
  CONCURRENCY_CONFLICT: {
    status: 409,
    when: 'others kept writing the same stream through every one of the five attempts; try again',
  },
  DOCUMENTS_TOO_LARGE: {
    status: 413,
    when: 'documents over `BID_DOCUMENTS_MAX_BYTES`',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    when: "a body over its route's limit (8 MiB for a bid, 16 KiB for a receipt check, 1 MiB otherwise) or an event over the store's limit",
  },
  PARAMETER_TOO_LONG: {
    status: 414,
    when: 'a path parameter over 100 characters (refused by the router)',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    when: "a body that is not `application/json` (an upload's PATCH: not `application/offset+octet-stream`)",
  },
  INVALID_BUNDLE: {
    status: 422,
    when: '(command line) `verify --bundle` given something that is not an evidence bundle (no manifest, another format)',
  },
  WEBHOOK_URL_NOT_ALLOWED: {
    status: 422,
    when: 'a webhook URL the policy refuses; `details.reason`: `scheme`, `credentials`, `private_address`, `unresolvable`, `malformed`, `too_long`',
  },
  RATE_LIMITED: {
    status: 429,
    when: 'a rate limit is spent (`details.bucket`: `anonymous`, `address`, `actor` or `bids`; `limit`, `windowSeconds`, `retryAfterSeconds`); `Retry-After` says when to retry',
  },
  READ_MODEL_BEHIND: {
    status: 503,
    when: '`X-Min-Position` not reached within 5 s; retry',
  },
  AUTH_UNAVAILABLE: {
    status: 503,
    when: "the identity provider's JWKS could not be fetched",
  },
  MALFORMED_REQUEST: {
    status: 400,
    when: 'a request Fastify could not read (a refusal of its own other than size or media type)',
  },
  HTTP_503: {
    status: 503,
    when: '`GET /health` of the api or `npm start`: a dependency does not answer (the one error filter answers it; the projector and scheduler apps answer the health body itself)',
  },
  INTERNAL: { status: 500, when: 'a failure on our side; the log holds it under the `requestId`' },
  UPLOAD_OFFSET_REQUIRED: {
    status: 400,
    when: "an upload's PATCH without a valid `Upload-Offset`",
  },
  UPLOAD_NOT_FOUND: {
    status: 404,
    when: "no such upload of yours on this tender (another supplier's answers the same)",
  },
  DOCUMENT_NOT_FOUND: {
    status: 404,
    when: 'a bid names a document that is not yours, or an opened bid does not name it',
  },
  UPLOAD_OFFSET_MISMATCH: {
    status: 409,
    when: 'the PATCH starts elsewhere than the stored offset (`details.offset`), or another request moved it meanwhile',
  },
  UPLOAD_FINISHED: { status: 409, when: 'a PATCH or DELETE on a finished upload' },
  DOCUMENT_NOT_FINISHED: {
    status: 409,
    when: 'a bid names an upload that has not received every byte',
  },
  DOCUMENT_TOO_LARGE: { status: 413, when: 'an upload declared over `DOCUMENT_MAX_BYTES`' },
  BID_DOCUMENTS_TOO_LARGE: {
    status: 413,
    when: "a bid's uploaded documents (or one upload) over `BID_UPLOADS_MAX_BYTES`",
  },
  UPLOAD_EXCEEDS_DECLARED_SIZE: {
    status: 413,
    when: 'more bytes sent than the upload declared; the upload is removed',
  },
  DOCUMENT_MEDIA_TYPE_NOT_ALLOWED: {
    status: 415,
    when: 'an upload declared with a media type not in `DOCUMENT_MEDIA_TYPES`',
  },
  DOCUMENT_CONTENT_MISMATCH: {
    status: 415,
    when: "the finished upload's content is not its declared type (`details.detected`); the upload is removed",
  },
};
