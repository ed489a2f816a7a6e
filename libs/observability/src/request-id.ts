import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const CORRELATION_ID_HEADER = 'x-correlation-id';
/** Ids from outside end up in every log line and event: keep them short and printable. */
const ACCEPTABLE_ID = /^[\w.:-]{1,128}$/;

function headerValue(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first !== undefined && ACCEPTABLE_ID.test(first) ? first : undefined;
}

/** The caller's request (or correlation) id when it sent a usable one, else a fresh UUID. */
export function requestIdFrom(request: IncomingMessage): string {
  return (
    headerValue(request, REQUEST_ID_HEADER) ??
    headerValue(request, CORRELATION_ID_HEADER) ??
    randomUUID()
  );
}
