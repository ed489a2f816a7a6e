/**
 * RFC 8785 (JSON Canonicalization Scheme) serialisation that refuses anything that is not plain JSON.
 * One pass both validates and serialises: appends hash and store this text, verification recomputes
 * it from what was read back, and the two agree only if the value is plain JSON. JCS serialises
 * strings and numbers exactly as ECMAScript's JSON.stringify does, and sorts object keys by UTF-16
 * code units, which is what Array.prototype.sort does by default.
 */
export class NotJsonError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path} ${reason}`);
    this.name = 'NotJsonError';
  }
}

const MAX_DEPTH = 256;

export function canonicalJson(value: unknown, path = '$'): string {
  return serialise(value, path, 0);
}

function serialise(value: unknown, path: string, depth: number): string {
  if (depth > MAX_DEPTH)
    throw new NotJsonError(path, `nests deeper than ${MAX_DEPTH} levels (or is circular)`);
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw new NotJsonError(path, `is ${value}, which JSON cannot represent`);
      return JSON.stringify(value);
    case 'string':
      return string(value, path);
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        return `[${value.map((item, i) => serialise(item, `${path}[${i}]`, depth + 1)).join(',')}]`;
      }
      return object(value as Record<string, unknown>, path, depth);
    default:
      throw new NotJsonError(path, `is of type ${typeof value}, which is not JSON`);
  }
}

function object(value: Record<string, unknown>, path: string, depth: number): string {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new NotJsonError(
      path,
      `is a ${proto?.constructor?.name ?? 'class instance'}; only plain JSON objects are stored`,
    );
  }
  const members = Object.keys(value)
    .sort()
    .map(
      (key) =>
        `${string(key, `${path} key`)}:${serialise(value[key], `${path}.${key}`, depth + 1)}`,
    );
  return `{${members.join(',')}}`;
}

function string(value: string, path: string): string {
  // PostgreSQL's jsonb refuses NUL; a lone surrogate cannot be encoded as UTF-8 and back unchanged.
  if (value.includes('\u0000') || !value.isWellFormed()) {
    throw new NotJsonError(path, 'contains a NUL character or a lone surrogate');
  }
  return JSON.stringify(value);
}
