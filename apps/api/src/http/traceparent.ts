/** A W3C Trace Context `traceparent` (https://www.w3.org/TR/trace-context/#traceparent-header). */
export interface Trace {
  traceId: string;
  parentId: string;
  flags: string;
}

export const TRACEPARENT_HEADER = 'traceparent';
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The caller's trace, when its `traceparent` is valid; an invalid one is ignored, as the
 * recommendation requires of a receiver (version ff, all-zero ids and bad shapes are invalid).
 */
export function traceOf(headers: Record<string, string | string[] | undefined>): Trace | undefined {
  const raw = headers[TRACEPARENT_HEADER];
  if (raw === undefined) return undefined;
  const match = TRACEPARENT.exec((Array.isArray(raw) ? raw[0] : raw).trim().toLowerCase());
  if (!match) return undefined;
  const [, version, traceId, parentId, flags] = match;
  if (version === 'ff' || /^0+$/.test(traceId) || /^0+$/.test(parentId)) return undefined;
  return { traceId, parentId, flags };
}
