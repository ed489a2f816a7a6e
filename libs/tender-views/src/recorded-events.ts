import { upcast, type DomainEvent } from '@fairtender/domain';
import type { RecordedEvent } from '@fairtender/event-store';

/** A stored event as the domain sees it, old versions upcast to the current schema. */
export function toDomainEvent<Event extends DomainEvent>(recorded: RecordedEvent): Event {
  return upcast(recorded.type, recorded.version, recorded.data) as Event;
}
