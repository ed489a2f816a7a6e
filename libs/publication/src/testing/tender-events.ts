import type { KnownEvent } from '@fairtender/domain';
import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
import type { PublicationEvent } from '../evolve-publication';

export const TENDER = 'b2a4a0f2-5d0c-4a8e-9d6e-0a1b2c3d4e5f';
export const BUYER = 'authority-1';

/** Builds events as the projection hands them over, with ids e-1, e-2, … in order. */
export class EventLog {
  private sequence = 0;
  readonly events: PublicationEvent[] = [];

  tender(event: KnownEvent): this {
    return this.push(event, 'tender');
  }

  bid(event: KnownEvent): this {
    return this.push(event, 'bid');
  }

  private push(event: KnownEvent, streamKind: string): this {
    this.sequence += 1;
    this.events.push({ ...event, eventId: `e-${this.sequence}`, streamKind });
    return this;
  }
}

const sealed = { keyId: 'k', iv: 'i', ciphertext: 'secret-ciphertext', tag: 't' };

export function submitted(supplierId: string, receivedAt: string, type = 'BidSubmitted') {
  return {
    type,
    data: {
      tenderId: TENDER,
      supplierId,
      receivedAt,
      noticeVersion: 1,
      contentHash: `hash-of-${supplierId}`,
      sizeBytes: 100,
      sealed,
    },
  } as KnownEvent;
}

/** Drafted, published, a question from acme answered, three bids (cedar withdraws), an amendment. */
export function tenderingEvents(log = new EventLog()): EventLog {
  const terms = sampleNoticeTerms();
  return log
    .tender({
      type: 'TenderDrafted',
      data: {
        tenderId: TENDER,
        buyerOrganisationId: BUYER,
        terms,
        draftedAt: '2025-03-01T10:00:00.000Z',
      },
    })
    .tender({
      type: 'TenderPublished',
      data: { terms, publishedAt: '2025-03-03T09:00:00.000Z', noticeVersion: 1 },
    })
    .tender({ type: 'BidSealingKeyIssued', data: { keyId: 'k', wrappedKey: 'wrapped-data-key' } })
    .tender({
      type: 'ClarificationRequested',
      data: {
        questionId: 'q-1',
        question: 'Must footage stay in the UK?',
        askedAt: '2025-03-04T09:00:00.000Z',
        supplierId: 'acme',
      },
    })
    .tender({
      type: 'ClarificationAnswered',
      data: { questionId: 'q-1', answer: 'Yes.', answeredAt: '2025-03-05T09:00:00.000Z' },
    })
    .bid(submitted('acme', '2025-03-06T09:00:00.000Z'))
    .bid(submitted('birch', '2025-03-07T09:00:00.000Z'))
    .bid(submitted('cedar', '2025-03-08T09:00:00.000Z'))
    .bid(submitted('birch', '2025-03-09T09:00:00.000Z', 'BidRevised'))
    .bid({
      type: 'BidWithdrawn',
      data: { tenderId: TENDER, supplierId: 'cedar', withdrawnAt: '2025-03-10T09:00:00.000Z' },
    })
    .tender({
      type: 'NoticeAmended',
      data: {
        changes: { submissionDeadline: '2025-04-07T12:00:00.000Z' },
        reason: 'More time after the storage clarification',
        amendedAt: '2025-03-11T09:00:00.000Z',
        noticeVersion: 2,
      },
    });
}

/** Closing and the two-officer opening, committing to every bid stream (a late-only stream too). */
export function openingEvents(log: EventLog): EventLog {
  return log
    .tender({
      type: 'TenderingClosed',
      data: {
        closedAt: '2025-04-07T12:00:01.000Z',
        submissionDeadline: '2025-04-07T12:00:00.000Z',
      },
    })
    .tender({
      type: 'BidOpeningConfirmed',
      data: { officerId: 'officer-alice', confirmedAt: '2025-04-08T09:00:00.000Z' },
    })
    .tender({
      type: 'BidsOpened',
      data: {
        openedAt: '2025-04-08T09:05:00.000Z',
        officerIds: ['officer-alice', 'officer-bob'],
        bidStreams: ['acme', 'birch', 'cedar', 'dogwood'].map((supplierId, revision) => ({
          supplierId,
          streamName: `tender-${TENDER}.bid-${supplierId}`,
          revision,
          hash: `head-${supplierId}`,
        })),
      },
    });
}
