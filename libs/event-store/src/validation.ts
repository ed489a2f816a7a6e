import { canonicalContent, canonicalJson, NotJsonError, sha256 } from '@fairtender/crypto';
import {
  InvalidEventError,
  InvalidPositionError,
  InvalidReadOptionError,
  InvalidRevisionError,
  InvalidStreamNameError,
} from './errors';
import type {
  EventOmissions,
  EventToAppend,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
} from './port';

/** Input rules shared by every adapter, checked before anything is sent to a database. */
export const LIMITS = {
  streamNameMaxLength: 255,
  eventTypeMaxLength: 100,
  eventsPerAppend: 10_000,
  /** Serialised size of one event's data plus metadata. */
  eventMaxBytes: 8 * 1024 * 1024,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.-]*$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

export function assertStreamName(streamName: unknown): asserts streamName is string {
  if (typeof streamName !== 'string' || streamName.length === 0) {
    throw new InvalidStreamNameError('Stream name must be a non-empty string', { streamName });
  }
  if (streamName.length > LIMITS.streamNameMaxLength) {
    throw new InvalidStreamNameError(
      `Stream name is ${streamName.length} characters; the limit is ${LIMITS.streamNameMaxLength}`,
      { length: streamName.length },
    );
  }
  if (CONTROL_CHARS.test(streamName) || !streamName.isWellFormed()) {
    throw new InvalidStreamNameError('Stream name contains control characters or broken Unicode', {
      streamName,
    });
  }
  if (streamName.startsWith('$')) {
    throw new InvalidStreamNameError('Stream names starting with "$" are reserved', { streamName });
  }
}

export function assertRevision(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidRevisionError(`${name} must be a whole number ≥ 0, got ${String(value)}`, {
      [name]: value,
    });
  }
}

export function assertExpectedRevision(expected: unknown): asserts expected is ExpectedRevision {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return;
  assertRevision('expectedRevision', expected);
}

export function assertMaxCount(maxCount: unknown): void {
  if (maxCount === undefined) return;
  if (typeof maxCount !== 'number' || !Number.isSafeInteger(maxCount) || maxCount < 1) {
    throw new InvalidRevisionError(`maxCount must be a whole number ≥ 1, got ${String(maxCount)}`, {
      maxCount,
    });
  }
}

export function assertPosition(position: unknown): asserts position is Position | undefined {
  if (position === undefined) return;
  const p = position as Position;
  if (
    typeof p !== 'object' ||
    p === null ||
    typeof p.commit !== 'bigint' ||
    typeof p.prepare !== 'bigint' ||
    p.commit < 0n ||
    p.prepare < 0n
  ) {
    throw new InvalidPositionError(
      'Position must be { commit: bigint ≥ 0, prepare: bigint ≥ 0 }',
      {},
    );
  }
}

export function assertStreamPrefix(prefix: unknown): void {
  if (prefix === undefined) return;
  if (
    typeof prefix !== 'string' ||
    prefix.length === 0 ||
    prefix.length > LIMITS.streamNameMaxLength
  ) {
    throw new InvalidStreamNameError(
      'streamPrefix must be a non-empty string of at most 255 characters',
      {},
    );
  }
}

/** An event checked and ready to write: canonical JSON text and the content hash the store chains. */
export interface PreparedEvent {
  eventId: string;
  type: string;
  version: number;
  data: string;
  metadata: string;
  contentHash: Buffer;
}

export function prepareEvents(
  streamName: string,
  events: readonly EventToAppend[],
): PreparedEvent[] {
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidEventError('At least one event is required');
  }
  if (events.length > LIMITS.eventsPerAppend) {
    throw new InvalidEventError(
      `At most ${LIMITS.eventsPerAppend} events per append, got ${events.length}`,
    );
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    const at = `events[${index}]`;
    if (typeof event !== 'object' || event === null)
      throw new InvalidEventError(`${at} must be an object`);
    if (typeof event.eventId !== 'string' || !UUID.test(event.eventId)) {
      throw new InvalidEventError(`${at}.eventId must be a UUID`, { index });
    }
    const eventId = event.eventId.toLowerCase();
    if (seen.has(eventId))
      throw new InvalidEventError(`${at}.eventId repeats an earlier event in the batch`, { index });
    seen.add(eventId);
    if (
      typeof event.type !== 'string' ||
      event.type.length > LIMITS.eventTypeMaxLength ||
      !EVENT_TYPE.test(event.type)
    ) {
      throw new InvalidEventError(
        `${at}.type must be a name like "BidSubmitted" (letters, digits, _ . -; at most ${LIMITS.eventTypeMaxLength})`,
        { index },
      );
    }
    if (!Number.isSafeInteger(event.version) || event.version < 1) {
      throw new InvalidEventError(`${at}.version must be a whole number ≥ 1`, { index });
    }
    const metadataValue = event.metadata ?? {};
    if (
      typeof metadataValue !== 'object' ||
      Array.isArray(metadataValue) ||
      metadataValue === null
    ) {
      throw new InvalidEventError(`${at}.metadata must be an object`, { index });
    }
    const data = json(event.data, `${at}.data`, index);
    const metadata = json(metadataValue, `${at}.metadata`, index);
    const bytes = Buffer.byteLength(data) + Buffer.byteLength(metadata);
    if (bytes > LIMITS.eventMaxBytes) {
      throw new InvalidEventError(`${at} is ${bytes} bytes; the limit is ${LIMITS.eventMaxBytes}`, {
        index,
        bytes,
      });
    }
    const identity = { eventId, streamName, type: event.type, version: event.version };
    return {
      ...identity,
      data,
      metadata,
      contentHash: sha256(canonicalContent(identity, data, metadata)),
    };
  });
}

/**
 * Plain JSON only: what is stored must read back identical, or the hash chain could not be verified.
 * So no undefined, functions, symbols, bigints, NaN/Infinity, Dates or class instances, no NUL
 * characters or lone surrogates (PostgreSQL's jsonb refuses them), and no cycles.
 */
function json(value: unknown, path: string, index: number): string {
  try {
    return canonicalJson(value, path);
  } catch (error) {
    if (error instanceof NotJsonError)
      throw new InvalidEventError(error.message, { index, path: error.path });
    throw error;
  }
}

/** Everything an append is checked for before any adapter sends it: the events, ready to write. */
export function prepareAppend(
  streamName: string,
  events: readonly EventToAppend[],
  expectedRevision: ExpectedRevision,
): PreparedEvent[] {
  assertStreamName(streamName);
  assertExpectedRevision(expectedRevision);
  return prepareEvents(streamName, events);
}

export function assertReadStream(streamName: string, options: ReadStreamOptions): void {
  assertStreamName(streamName);
  if (options.fromRevision !== undefined) assertRevision('fromRevision', options.fromRevision);
  assertMaxCount(options.maxCount);
  assertOmissions(options.omit);
}

export function assertReadAll(options: ReadAllOptions): void {
  assertSubscribe(options);
  assertMaxCount(options.maxCount);
}

export function assertSubscribe(options: SubscribeOptions | ReadAllOptions): void {
  assertPosition(options.after);
  assertStreamPrefix(options.streamPrefix);
  assertOmissions(options.omit);
}

export function assertOmissions(omit: unknown): asserts omit is EventOmissions | undefined {
  if (omit === undefined) return;
  const { data, metadata, ...other } = (omit ?? {}) as Record<string, unknown>;
  const names = (value: unknown) =>
    Array.isArray(value) &&
    value.every((name) => typeof name === 'string' && name.length > 0 && name.isWellFormed());
  if (
    typeof omit !== 'object' ||
    omit === null ||
    Object.keys(other).length > 0 ||
    (data !== undefined && !names(data)) ||
    (metadata !== undefined && typeof metadata !== 'boolean')
  ) {
    throw new InvalidReadOptionError(
      '`omit` must be { data?: non-empty field names, metadata?: boolean }',
      {},
    );
  }
}
