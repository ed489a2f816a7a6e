import type { NoticeEvent } from '@fairtender/domain';
import { scenario } from '@fairtender/domain/testing/scenario';
import type { NotifiableEvent } from '../notice-notifications';

/** The tender the notification specs follow, and its stream. */
export const TENDER = '5b0e9c1a-3f2d-4e6b-8a7c-9d0e1f2a3b4c';
export const stream = `tender-${TENDER}`;

/** Drafted and published, by the real deciders (docs/testing.md#the-scenario-builder). */
export const published = scenario({ tenderId: TENDER }).publish().events() as NoticeEvent[];

/** An event of the tender's stream as the outbox hands it over, always with the same id. */
export const event = (type: string, data: unknown): NotifiableEvent => ({
  eventId: '11111111-2222-4333-8444-555555555555',
  type,
  streamName: stream,
  data,
});
