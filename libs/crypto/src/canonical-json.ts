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

/** Where the walk is: keys and indexes, turned into "$.a[0].b" only when something is refused. */
type Path = Array<string | number>;

export function canonicalJson(value: unknown, root = '$'): string {
  return serialise(value, [root]);
}

function refuse(path: Path, reason: string): never {
  const [root, ...steps] = path;
  const text = steps.reduce<string>(
    (at, step) => (typeof step === 'number' ? `${at}[${step}]` : `${at}.${step}`),
    String(root),
  );
  throw new NotJsonError(text, reason);
}

function serialise(value: unknown, path: Path): string {
  if (path.length > MAX_DEPTH)
    refuse(path, `nests deeper than ${MAX_DEPTH} levels (or is circular)`);
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) refuse(path, `is ${value}, which JSON cannot represent`);
      return JSON.stringify(value);
    case 'string':
      return string(value, path);
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value)
        ? array(value, path)
        : object(value as Record<string, unknown>, path);
    default:
      return refuse(path, `is of type ${typeof value}, which is not JSON`);
  }
}

function array(value: unknown[], path: Path): string {
  const items = new Array<string>(value.length);
  for (let i = 0; i < value.length; i += 1) {
    path.push(i);
    items[i] = serialise(value[i], path);
    path.pop();
  }
  return `[${items.join(',')}]`;
}

function object(value: Record<string, unknown>, path: Path): string {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    refuse(
      path,
      `is a ${proto?.constructor?.name ?? 'class instance'}; only plain JSON objects are stored`,
    );
  }
  const keys = Object.keys(value).sort();
  const members = new Array<string>(keys.length);
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i];
    path.push(key);
    members[i] = `${string(key, path)}:${serialise(value[key], path)}`;
    path.pop();
  }
  return `{${members.join(',')}}`;
}

// PostgreSQL's jsonb refuses NUL; a lone surrogate cannot be encoded as UTF-8 and back unchanged.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const SUSPECT = /[\u0000\ud800-\udfff]/;

function string(value: string, path: Path): string {
  if (SUSPECT.test(value) && (value.includes('\u0000') || !value.isWellFormed())) {
    refuse(path, 'contains a NUL character or a lone surrogate');
  }
  return JSON.stringify(value);
}
