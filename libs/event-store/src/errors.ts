import type { ExpectedRevision } from './port';

/** Every event-store failure carries a stable machine-readable `code`. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_VERSION';

  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(
      `Stream "${streamName}": expected revision ${describeExpected(expected)} but the stream is ${
        actual < 0 ? 'absent' : `at revision ${actual}`
      }`,
      { streamName, expected, actual },
    );
  }
}

export class InvalidStreamNameError extends EventStoreError {
  readonly code = 'INVALID_STREAM_NAME';
}

export class InvalidRevisionError extends EventStoreError {
  readonly code = 'INVALID_REVISION';
}

export class InvalidEventError extends EventStoreError {
  readonly code = 'INVALID_EVENT';
}

export class InvalidPositionError extends EventStoreError {
  readonly code = 'INVALID_POSITION';
}

export class InvalidReadOptionError extends EventStoreError {
  readonly code = 'INVALID_READ_OPTION';
}

/** An event id was already used for another event (different stream, revision or batch). */
export class EventIdConflictError extends EventStoreError {
  readonly code = 'EVENT_ID_CONFLICT';
}

function describeExpected(expected: ExpectedRevision): string {
  return typeof expected === 'number' ? String(expected) : `"${expected}"`;
}
