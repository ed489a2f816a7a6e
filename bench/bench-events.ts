/**
 * Tender events as the deciders write them, for benchmarks that fill an event store directly: the
 * police-force notice of the e2e fixtures, a bench authority's officers, times on a March 2025 day.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Actor, BidStreamHead, NoticeTerms } from '@fairtender/domain';
import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
import type { EventMetadata, EventToAppend } from '@fairtender/event-store';
import { noticeTerms } from '../test/support/tender-fixtures';

/** A small sealed bid as the API stores it: ~480 bytes of AES-GCM ciphertext, base64. */
export const CIPHERTEXT = randomBytes(480).toString('base64');

export const officer: Actor = {
  userId: 'bench-officer',
  organisationId: 'bench-authority',
  role: 'officer',
};
/** The second officer a bid opening needs. */
export const secondOfficer: Actor = { ...officer, userId: 'bench-officer-2' };
export const supplierActor = (supplierId: string): Actor => ({
  userId: `u-${supplierId}`,
  organisationId: supplierId,
  role: 'supplier',
});

/** `minute` minutes after 09:00 UTC on 3 March 2025, when the notice is drafted. */
export const at = (minute: number) =>
  new Date(Date.UTC(2025, 2, 3, 9, 0) + minute * 60_000).toISOString();

export function event(type: string, data: unknown, actor: EventMetadata['actor']): EventToAppend {
  return {
    eventId: randomUUID(),
    type,
    version: 1,
    data,
    metadata: { actor, correlationId: randomUUID() },
  };
}

/** The e2e fixtures' police-force notice with these criteria, deadlines on 24 and 31 March 2025. */
export function benchNotice(
  awardCriteria: NoticeTerms['awardCriteria'],
  evaluatorCount: number,
): NoticeTerms {
  const { title, description, estimatedValue } = noticeTerms(new Date(at(0)));
  return sampleNoticeTerms({ title, description, estimatedValue, awardCriteria, evaluatorCount });
}

/** Drafted, published and its bid-sealing key issued: how every tender stream begins. */
export function publishedNotice(tenderId: string, terms: NoticeTerms): EventToAppend[] {
  return [
    event(
      'TenderDrafted',
      { tenderId, buyerOrganisationId: officer.organisationId, terms, draftedAt: at(0) },
      officer,
    ),
    event('TenderPublished', { terms, publishedAt: at(1), noticeVersion: 1 }, officer),
    event(
      'BidSealingKeyIssued',
      { keyId: `dk-${tenderId}`, wrappedKey: CIPHERTEXT.slice(0, 80) },
      officer,
    ),
  ];
}

/**
 * Tendering closed at minute `minute`, then the opening by both officers (recorded as `openedBy`'s
 * act) anchoring each bid stream at its head.
 */
export function closedAndOpened(
  terms: NoticeTerms,
  minute: number,
  bidStreams: BidStreamHead[],
  openedBy: Actor,
): EventToAppend[] {
  return [
    event(
      'TenderingClosed',
      { closedAt: at(minute), submissionDeadline: terms.submissionDeadline },
      officer,
    ),
    event(
      'BidOpeningConfirmed',
      { officerId: officer.userId, confirmedAt: at(minute + 1) },
      officer,
    ),
    event(
      'BidsOpened',
      {
        openedAt: at(minute + 2),
        officerIds: [officer.userId, secondOfficer.userId],
        bidStreams,
      },
      openedBy,
    ),
  ];
}

/**
 * A sealed bid's data as the API stores it since issue 18 (v2, the documents by reference): about
 * 1.3 KB with its metadata, the row every store benchmark writes.
 */
export function sealedBidData(tenderId: string, supplierId: string, n: number) {
  return {
    tenderId,
    supplierId,
    receivedAt: at(200 + n),
    noticeVersion: 1,
    contentHash: randomBytes(32).toString('hex'),
    sizeBytes: 360,
    sealed: {
      keyId: `dk-${tenderId}`,
      iv: 'MTIzNDU2Nzg5MDEy',
      ciphertext: CIPHERTEXT,
      tag: 'dGFnLXRhZy10YWctdGFn',
    },
    documents: [
      {
        documentId: randomUUID(),
        sizeBytes: 262_144,
        sha256: randomBytes(32).toString('hex'),
        sealedSha256: randomBytes(32).toString('hex'),
      },
    ],
  };
}
