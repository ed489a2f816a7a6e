import { contentHash } from '@fairtender/crypto';
import { InvalidEventError, InvalidPositionError, InvalidRevisionError, InvalidStreamNameError } from './errors';
import type { EventMetadata, EventToAppend, ExpectedRevision, Position } from './port';

/** Input rules shared by every adapter, checked before anything is sent to a database. */
export const LIMITS = {
  streamNameMaxLength: 255,
  eventTypeMaxLength: 100,
  eventsPerAppend: 10_000,
  /** Serialised size of one event's data plus metadata. */
  eventMaxBytes: 8 * 1024 * 1024,
  jsonMaxDepth: 256,
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
  if (typeof p !== 'object' || p === null || typeof p.commit !== 'bigint' || typeof p.prepare !== 'bigint' || p.commit < 0n || p.prepare < 0n) {
    throw new InvalidPositionError('Position must be { commit: bigint ≥ 0, prepare: bigint ≥ 0 }', {});
  }
}

export function assertStreamPrefix(prefix: unknown): void {
  if (prefix === undefined) return;
  if (typeof prefix !== 'string' || prefix.length === 0 || prefix.length > LIMITS.streamNameMaxLength) {
    throw new InvalidStreamNameError('streamPrefix must be a non-empty string of at most 255 characters', {});
  }
}

/** An event checked and ready to write, with the content hash the store chains. */
export interface PreparedEvent {
  eventId: string;
  type: string;
  version: number;
  data: unknown;
  metadata: EventMetadata;
  contentHash: Buffer;
}

export function prepareEvents(streamName: string, events: readonly EventToAppend[]): PreparedEvent[] {
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidEventError('At least one event is required');
  }
  if (events.length > LIMITS.eventsPerAppend) {
    throw new InvalidEventError(`At most ${LIMITS.eventsPerAppend} events per append, got ${events.length}`);
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    const at = `events[${index}]`;
    if (typeof event !== 'object' || event === null) throw new InvalidEventError(`${at} must be an object`);
    if (typeof event.eventId !== 'string' || !UUID.test(event.eventId)) {
      throw new InvalidEventError(`${at}.eventId must be a UUID`, { index });
    }
    const eventId = event.eventId.toLowerCase();
    if (seen.has(eventId)) throw new InvalidEventError(`${at}.eventId repeats an earlier event in the batch`, { index });
    seen.add(eventId);
    if (typeof event.type !== 'string' || event.type.length > LIMITS.eventTypeMaxLength || !EVENT_TYPE.test(event.type)) {
      throw new InvalidEventError(`${at}.type must be a name like "BidSubmitted" (letters, digits, _ . -; at most ${LIMITS.eventTypeMaxLength})`, { index });
    }
    if (!Number.isSafeInteger(event.version) || event.version < 1) {
      throw new InvalidEventError(`${at}.version must be a whole number ≥ 1`, { index });
    }
    const metadata = event.metadata ?? {};
    assertJson(event.data, `${at}.data`);
    assertJson(metadata, `${at}.metadata`);
    if (typeof metadata !== 'object' || Array.isArray(metadata) || metadata === null) {
      throw new InvalidEventError(`${at}.metadata must be an object`, { index });
    }
    const bytes = Buffer.byteLength(JSON.stringify(event.data)) + Buffer.byteLength(JSON.stringify(metadata));
    if (bytes > LIMITS.eventMaxBytes) {
      throw new InvalidEventError(`${at} is ${bytes} bytes; the limit is ${LIMITS.eventMaxBytes}`, { index, bytes });
    }
    const prepared = { eventId, type: event.type, version: event.version, data: event.data, metadata };
    return { ...prepared, contentHash: contentHash({ ...prepared, streamName }) };
  });
}

/**
 * Plain JSON only: what is stored must read back identical, or the hash chain could not be verified.
 * So no undefined, functions, symbols, bigints, NaN/Infinity, Dates or class instances, no NUL
 * characters or lone surrogates (PostgreSQL's jsonb refuses them), and no cycles.
 */
function assertJson(value: unknown, path: string, depth = 0): void {
  if (depth > LIMITS.jsonMaxDepth) throw new InvalidEventError(`${path} nests deeper than ${LIMITS.jsonMaxDepth} levels (or is circular)`);
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidEventError(`${path} is ${value}, which JSON cannot represent`);
    return;
  }
  if (typeof value === 'string') {
    assertJsonString(value, path);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => assertJson(item, `${path}[${i}]`, depth + 1));
    return;
  }
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new InvalidEventError(`${path} is a ${proto?.constructor?.name ?? 'class instance'}; only plain JSON objects are stored`);
    }
    for (const [key, item] of Object.entries(value)) {
      assertJsonString(key, `${path} key`);
      assertJson(item, `${path}.${key}`, depth + 1);
    }
    return;
  }
  throw new InvalidEventError(`${path} is of type ${typeof value}, which is not JSON`);
}

function assertJsonString(value: string, path: string): void {
  if (value.includes('\u0000') || !value.isWellFormed()) {
    throw new InvalidEventError(`${path} contains a NUL character or a lone surrogate`);
  }
}
