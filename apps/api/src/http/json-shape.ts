/** Bounds on the shape of any JSON body, checked on its bytes before it is parsed. */
export interface JsonShapeLimits {
  /** Objects and arrays nested in one another. */
  maxDepth: number;
  /** Items of any one array. */
  maxArrayItems: number;
  /** Values in the whole body (counted as its objects, arrays, keys and separators). */
  maxValues: number;
}

export type JsonShapeProblem =
  'BODY_TOO_DEEP' | 'ARRAY_TOO_LONG' | 'BODY_TOO_COMPLEX' | 'TEXT_HAS_NUL' | 'NUMBER_OUT_OF_RANGE';

export interface JsonShapeRefusal {
  code: JsonShapeProblem;
  message: string;
  details: Record<string, unknown>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const MINUS = 0x2d;
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/**
 * One pass over the raw bytes that refuses a body as soon as it breaks a bound: strings are skipped
 * with `indexOf` (a base64 document costs native speed), so even an 8 MiB body takes a few
 * milliseconds, and a million-item array is refused at its first item past the limit, before
 * `JSON.parse` builds anything. Lenient about syntax: malformed JSON is left to the parser. Also
 * refuses what PostgreSQL's jsonb and our validators cannot take: a `\u0000` escape in a string, and a
 * number that overflows to Infinity, underflows to 0 or is denormal (1e-320).
 */
export function scanJsonShape(body: Buffer, limits: JsonShapeLimits): JsonShapeRefusal | undefined {
  const isArray = new Uint8Array(limits.maxDepth + 2);
  const items = new Int32Array(limits.maxDepth + 2);
  const keyStart = new Int32Array(limits.maxDepth + 2);
  const keyEnd = new Int32Array(limits.maxDepth + 2);
  const path = (depth: number) => pathAt(body, depth, isArray, items, keyStart, keyEnd);
  let depth = 0;
  let values = 0;
  let lastStringStart = -1;
  let lastStringEnd = -1;
  let nextBackslash = body.indexOf(BACKSLASH);
  let i = 0;
  while (i < body.length) {
    const byte = body[i];
    if (byte === QUOTE) {
      const start = i + 1;
      if (nextBackslash !== -1 && nextBackslash < start)
        nextBackslash = body.indexOf(BACKSLASH, start);
      let end = body.indexOf(QUOTE, start);
      while (end !== -1 && nextBackslash !== -1 && nextBackslash < end) {
        if (body[nextBackslash + 1] === 0x75 && isNulEscape(body, nextBackslash)) {
          return refusal('TEXT_HAS_NUL', 'Text must not contain the NUL character (\\u0000)', {
            field: path(depth),
          });
        }
        const escaped = nextBackslash + 1;
        nextBackslash = body.indexOf(BACKSLASH, escaped + 1);
        if (escaped === end) end = body.indexOf(QUOTE, end + 1);
      }
      if (end === -1) return undefined; // unterminated: the parser says MALFORMED_JSON
      lastStringStart = start;
      lastStringEnd = end;
      i = end + 1;
      continue;
    }
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      values++;
      depth++;
      if (depth > limits.maxDepth) {
        return refusal('BODY_TOO_DEEP', `JSON may nest at most ${limits.maxDepth} levels`, {
          maxDepth: limits.maxDepth,
        });
      }
      isArray[depth] = byte === OPEN_ARRAY ? 1 : 0;
      items[depth] = 0;
      keyStart[depth] = keyEnd[depth] = -1;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      if (depth > 0) depth--;
    } else if (byte === COLON) {
      values++;
      keyStart[depth] = lastStringStart;
      keyEnd[depth] = lastStringEnd;
    } else if (byte === COMMA) {
      values++;
      if (isArray[depth] === 1 && ++items[depth] >= limits.maxArrayItems) {
        const field = path(depth - 1);
        return refusal(
          'ARRAY_TOO_LONG',
          `An array may hold at most ${limits.maxArrayItems} items`,
          {
            ...(field ? { field } : {}),
            max: limits.maxArrayItems,
          },
        );
      }
    } else if (byte === MINUS || (byte >= 0x30 && byte <= 0x39)) {
      let end = i + 1;
      while (end < body.length && isNumberByte(body[end])) end++;
      const problem = numberProblem(body.toString('latin1', i, end));
      if (problem) {
        return refusal('NUMBER_OUT_OF_RANGE', problem, { field: path(depth) });
      }
      i = end;
      continue;
    }
    if (values > limits.maxValues) {
      return refusal('BODY_TOO_COMPLEX', `A body may hold at most ${limits.maxValues} values`, {
        maxValues: limits.maxValues,
      });
    }
    i++;
  }
  return undefined;
}

function refusal(
  code: JsonShapeProblem,
  message: string,
  details: Record<string, unknown>,
): JsonShapeRefusal {
  return { code, message, details };
}

/** A backslash that starts `\u0000` and is not itself escaped by the backslashes before it. */
function isNulEscape(body: Buffer, at: number): boolean {
  if (body.toString('latin1', at + 2, at + 6) !== '0000') return false;
  let before = 0;
  while (at - before - 1 >= 0 && body[at - before - 1] === BACKSLASH) before++;
  return before % 2 === 0;
}

function isNumberByte(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2e ||
    byte === 0x65 ||
    byte === 0x45 ||
    byte === 0x2b ||
    byte === MINUS
  );
}

/** Why a JSON number literal cannot be taken at its word, or undefined. */
export function numberProblem(literal: string): string | undefined {
  const value = Number(literal);
  if (Number.isNaN(value)) return undefined; // not a number at all: the parser refuses it
  if (!Number.isFinite(value)) return `The number ${literal.slice(0, 40)} is too large`;
  const magnitude = Math.abs(value);
  const mantissa = literal.split(/[eE]/)[0];
  if (magnitude === 0 && /[1-9]/.test(mantissa)) {
    return `The number ${literal.slice(0, 40)} is too small to be told apart from 0`;
  }
  if (magnitude !== 0 && magnitude < SMALLEST_NORMAL) {
    return `The number ${literal.slice(0, 40)} is too small (denormal)`;
  }
  return undefined;
}

/** `responses.3.criterionId`-style path to the value being read at `depth`, for messages. */
function pathAt(
  body: Buffer,
  depth: number,
  isArray: Uint8Array,
  items: Int32Array,
  keyStart: Int32Array,
  keyEnd: Int32Array,
): string {
  const parts: string[] = [];
  for (let level = 1; level <= depth; level++) {
    if (isArray[level] === 1) parts.push(String(items[level]));
    else if (keyStart[level] >= 0) {
      parts.push(body.toString('utf8', keyStart[level], keyEnd[level]).slice(0, 100));
    }
  }
  return parts.join('.');
}
