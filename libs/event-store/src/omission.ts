import type { EventOmissions, RecordedEvent } from './port';

/**
 * The event without what `omit` leaves out, for adapters that cannot leave it out when reading: the
 * same contract as the SQL adapters, which never read it.
 */
export function withOmissions(
  event: RecordedEvent,
  omit: EventOmissions | undefined,
): RecordedEvent {
  if (!omit) return event;
  const fields = omit.data ?? [];
  const data = isObject(event.data) && fields.some((f) => Object.hasOwn(event.data as object, f));
  if (!data && !omit.metadata) return event;
  return {
    ...event,
    ...(data ? { data: without(event.data as Record<string, unknown>, fields) } : {}),
    ...(omit.metadata ? { metadata: {} } : {}),
  };
}

function without(data: Record<string, unknown>, fields: readonly string[]) {
  const kept = { ...data };
  for (const field of fields) delete kept[field];
  return kept;
}

const isObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
