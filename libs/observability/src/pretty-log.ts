/**
 * Development logs a person reads: pino's JSON line turned into
 * `18:20:01.123 INFO  [Context] message key=value`, an error's stack below it. Used when stdout is a
 * terminal outside production (LOG_FORMAT=auto) or when asked for (LOG_FORMAT=pretty).
 */
const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};
const COLOURS: Record<number, string> = { 40: '\x1b[33m', 50: '\x1b[31m', 60: '\x1b[41m' };
/** Fields shown in the line itself, or noise (pid, hostname) in a developer's terminal. */
const SHOWN = new Set([
  'level',
  'time',
  'msg',
  'context',
  'pid',
  'hostname',
  'req',
  'res',
  'err',
  'responseTime',
]);

export function prettyLogLine(json: string, colour = false): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const level = Number(entry.level);
  const time = typeof entry.time === 'number' ? new Date(entry.time) : new Date();
  const clock = time.toISOString().slice(11, 23);
  const label = LEVELS[level] ?? String(entry.level);
  const context = typeof entry.context === 'string' ? ` [${entry.context}]` : '';
  const request = entry.req as { id?: unknown } | undefined;
  const extras = Object.entries(entry)
    .filter(([key, value]) => !SHOWN.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  if (request?.id !== undefined) extras.push(`request=${String(request.id)}`);
  const err = entry.err as { stack?: string; message?: string } | undefined;
  const head = `${clock} ${colour && COLOURS[level] ? `${COLOURS[level]}${label}\x1b[0m` : label}${context} ${String(entry.msg ?? '')}`;
  const tail = err ? `\n${err.stack ?? err.message ?? JSON.stringify(err)}` : '';
  return `${extras.length ? `${head}  ${extras.join(' ')}` : head}${tail}`;
}

/** A pino destination that writes each entry as a readable line. */
export function prettyLogStream(
  out: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
): { write(line: string): boolean } {
  const colour = out.isTTY === true;
  return { write: (line) => out.write(`${prettyLogLine(line, colour)}\n`) };
}
