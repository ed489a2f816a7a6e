import type { NoticeEvent } from '@fairtender/domain';
import type { NotifiableEvent } from '../notice-notifications';

/** The tender the notification specs follow, and its stream. */
export const TENDER = '5b0e9c1a-3f2d-4e6b-8a7c-9d0e1f2a3b4c';
export const stream = `tender-${TENDER}`;

/** Only what notifications read from a notice: its title and deadlines. */
const terms = {
  title: 'Body-worn cameras',
  clarificationDeadline: '2025-03-24T12:00:00.000Z',
  submissionDeadline: '2025-03-31T12:00:00.000Z',
} as never;

/** Drafted and published: the tender's first two events. */
export const published: NoticeEvent[] = [
  {
    type: 'TenderDrafted',
    data: {
      tenderId: TENDER,
      buyerOrganisationId: 'org-council',
      terms,
      draftedAt: '2025-03-01T00:00:00Z',
    },
  },
  {
    type: 'TenderPublished',
    data: { terms, publishedAt: '2025-03-03T09:00:00Z', noticeVersion: 1 },
  },
];

/** An event of the tender's stream as the outbox hands it over, always with the same id. */
export const event = (type: string, data: unknown): NotifiableEvent => ({
  eventId: '11111111-2222-4333-8444-555555555555',
  type,
  streamName: stream,
  data,
});
