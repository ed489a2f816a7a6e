import { parseTenderStream, upcast, type DomainEvent } from '@fairtender/domain';
import type { RecordedEvent } from '@fairtender/event-store';

/** A stored event as the domain sees it, old versions upcast to the current schema. */
export function toDomainEvent<Event extends DomainEvent>(recorded: RecordedEvent): Event {
  return upcast(recorded.type, recorded.version, recorded.data) as Event;
}

/** A stored event of a tender's streams, upcast once and tagged with the kind of stream it is on. */
export interface TaggedTenderEvent<Event extends DomainEvent = DomainEvent> {
  kind: NonNullable<ReturnType<typeof parseTenderStream>>['kind'];
  event: Event;
  recorded: RecordedEvent;
}

export function tagTenderEvent<Event extends DomainEvent>(
  recorded: RecordedEvent,
): TaggedTenderEvent<Event> {
  const kind = parseTenderStream(recorded.streamName)?.kind ?? 'other';
  return { kind, event: toDomainEvent<Event>(recorded), recorded };
}
