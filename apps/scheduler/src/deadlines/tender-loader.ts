import {
  evolveTender,
  initialTenderState,
  tenderStream,
  type TenderEvent,
  type TenderState,
} from '@fairtender/domain';
import type { EventStore, RecordedEvent } from '@fairtender/event-store';
import { toDomainEvent } from '@fairtender/tender-streams';
import { evolveSchedule, initialSchedule, type TenderSchedule } from './deadline-schedule';

/** A stored tender-stream event as the domain sees it, old versions upcast to the current schema. */
export const toTenderEvent = (recorded: RecordedEvent): TenderEvent =>
  toDomainEvent<TenderEvent>(recorded);

export interface TenderWithSchedule {
  state: TenderState;
  schedule: TenderSchedule;
  /** Last revision of the stream (-1 when there is none). */
  revision: number;
}

/** The tender stream as it is now, folded for the domain and for the scheduler. */
export async function loadTenderWithSchedule(
  store: EventStore,
  tenderId: string,
): Promise<TenderWithSchedule> {
  let state = initialTenderState();
  let schedule = initialSchedule();
  let revision = -1;
  for (const recorded of await store.readStream(tenderStream(tenderId))) {
    const event = toTenderEvent(recorded);
    state = evolveTender(state, event);
    schedule = evolveSchedule(schedule, event);
    revision = recorded.revision;
  }
  return { state, schedule, revision };
}
