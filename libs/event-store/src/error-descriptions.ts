/**
 * What each event-store failure code means and what a caller does about it; docs/errors.md is generated
 * from this map (scripts/error-reference.ts). Over HTTP the api answers WRONG_EXPECTED_VERSION as
 * CONCURRENCY_CONFLICT (after its retries), EVENT_ID_CONFLICT as IDEMPOTENCY_KEY_REUSED and INVALID_EVENT as
 * PAYLOAD_TOO_LARGE; the others as 400 with their own code.
 */
export const EVENT_STORE_ERROR_DESCRIPTIONS = {
  WRONG_EXPECTED_VERSION: {
    when: 'the stream is not at the expected revision (`details`: `streamName`, `expected`, `actual`; `actual` is -1 for an absent stream)',
    then: 're-read the stream, decide again, retry',
  },
  EVENT_ID_CONFLICT: {
    when: 'an event id was already used by another event (other content, stream or batch)',
    then: 'use fresh ids; a retry must resend the identical batch',
  },
  INVALID_STREAM_NAME: {
    when: 'empty, longer than 255, control characters or broken Unicode, starts with `$`, or a bad `streamPrefix`',
    then: 'fix the name',
  },
  INVALID_REVISION: {
    when: 'an expected revision, `fromRevision` or `maxCount` that is negative, fractional or not a number',
    then: 'fix the value',
  },
  INVALID_EVENT: {
    when: 'an empty batch, a non-UUID or repeated event id, a bad type name or version, data or metadata that is not plain JSON (the message names the path, e.g. `events[1].data.price`), over 8 MiB, or over 10,000 events',
    then: 'fix the event',
  },
  INVALID_POSITION: {
    when: 'a position that is not `{ commit, prepare }` of non-negative bigints, or text not of the form `1234-5678`',
    then: 'fix the value',
  },
  INVALID_READ_OPTION: {
    when: 'an `omit` read option that is not `{ data?: field names, metadata?: boolean }` (each name a non-empty string)',
    then: 'fix the option',
  },
} as const satisfies Record<string, { when: string; then: string }>;
