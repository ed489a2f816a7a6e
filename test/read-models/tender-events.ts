import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
import { randomUUID } from 'node:crypto';
import type { AmendableTerms, BidEvent, NoticeEvent, NoticeTerms } from '@fairtender/domain';
import type { AppendResult, EventMetadata, EventStore } from '@fairtender/event-store';

/**
 * Realistic event sequences, written by hand from the domain's event types (not by the deciders, so
 * these tests do not depend on them) and appended through the real event store.
 */
export const BUYER = 'org-council';
const officer = { userId: 'u-alice', organisationId: BUYER, role: 'officer' };
const supplierActor = (supplierId: string) => ({
  userId: `u-${supplierId}`,
  organisationId: supplierId,
  role: 'supplier',
});

export const terms = sampleNoticeTerms;

/** Minutes after 2025-03-03 09:00 UTC, as an ISO string: every fixture time is explicit. */
export const minute = (n: number) => new Date(Date.UTC(2025, 2, 3, 9, n)).toISOString();
export const hash = (seed: string) => seed.repeat(64).slice(0, 64);

type Sealed = { contentHash: string; sizeBytes: number; receivedAt: string; noticeVersion: number };

export const sealedBid = (
  seed: string,
  at: string,
  noticeVersion = 1,
  sizeBytes = 1024,
): Sealed => ({
  contentHash: hash(seed),
  sizeBytes,
  receivedAt: at,
  noticeVersion,
});

/** Appends one tender's events: `tender-<id>` for the notice, `tender-<id>.bid-<supplier>` per bid. */
export class TenderEvents {
  /** Receipt-producing events appended so far (BidSubmitted/BidRevised), by event id. */
  readonly receiptEvents: string[] = [];

  constructor(
    private readonly store: EventStore,
    readonly tenderId: string,
  ) {}

  draft(at = minute(0), overrides: Partial<NoticeTerms> = {}) {
    return this.notice('TenderDrafted', {
      tenderId: this.tenderId,
      buyerOrganisationId: BUYER,
      terms: terms(overrides),
      draftedAt: at,
    });
  }

  async publish(at = minute(1)) {
    await this.notice('TenderPublished', { terms: terms(), publishedAt: at, noticeVersion: 1 });
    return this.notice('BidSealingKeyIssued', {
      keyId: `dk-${this.tenderId}`,
      wrappedKey: 'd3JhcA==',
    });
  }

  amend(changes: AmendableTerms, noticeVersion: number, at: string, reason = 'Clarified scope') {
    return this.notice('NoticeAmended', { changes, reason, amendedAt: at, noticeVersion });
  }

  ask(questionId: string, supplierId: string, at: string) {
    const question = `Does ${questionId} include spare batteries?`;
    return this.notice(
      'ClarificationRequested',
      { questionId, question, askedAt: at, supplierId },
      supplierActor(supplierId),
    );
  }

  answer(questionId: string, at: string) {
    return this.notice('ClarificationAnswered', {
      questionId,
      answer: 'Yes, two per camera.',
      answeredAt: at,
    });
  }

  close(at: string) {
    return this.notice('TenderingClosed', { closedAt: at, submissionDeadline: at });
  }

  cancel(reason: string, at: string, stage = 'tendering') {
    return this.notice('TenderCancelled', { reason, cancelledAt: at, stage });
  }

  submitBid(supplierId: string, bid: Sealed) {
    return this.bid(supplierId, 'BidSubmitted', this.sealed(supplierId, bid));
  }

  reviseBid(supplierId: string, bid: Sealed) {
    return this.bid(supplierId, 'BidRevised', this.sealed(supplierId, bid));
  }

  withdrawBid(supplierId: string, at: string) {
    return this.bid(supplierId, 'BidWithdrawn', {
      tenderId: this.tenderId,
      supplierId,
      withdrawnAt: at,
      reason: 'Capacity',
    });
  }

  reconfirmBid(supplierId: string, noticeVersion: number, at: string) {
    return this.bid(supplierId, 'BidReconfirmed', {
      tenderId: this.tenderId,
      supplierId,
      confirmedAt: at,
      noticeVersion,
    });
  }

  refuseLateBid(supplierId: string, at: string) {
    return this.bid(supplierId, 'LateBidRefused', {
      tenderId: this.tenderId,
      supplierId,
      attemptedAt: at,
      submissionDeadline: terms().submissionDeadline,
      contentHash: hash('f'),
    });
  }

  private sealed(supplierId: string, bid: Sealed) {
    return {
      tenderId: this.tenderId,
      supplierId,
      ...bid,
      sealed: { keyId: `dk-${this.tenderId}`, iv: 'aXY=', ciphertext: 'Y2lwaGVy', tag: 'dGFn' },
      documents: [],
    };
  }

  private notice<T extends NoticeEvent['type']>(
    type: T,
    data: Extract<NoticeEvent, { type: T }>['data'],
    actor: EventMetadata['actor'] = officer,
  ): Promise<AppendResult> {
    return this.append(`tender-${this.tenderId}`, type, data, actor);
  }

  private bid<T extends BidEvent['type']>(
    supplierId: string,
    type: T,
    data: Extract<BidEvent, { type: T }>['data'],
  ): Promise<AppendResult> {
    const stream = `tender-${this.tenderId}.bid-${supplierId}`;
    return this.append(stream, type, data, supplierActor(supplierId));
  }

  private async append(
    stream: string,
    type: string,
    data: unknown,
    actor: EventMetadata['actor'],
  ): Promise<AppendResult> {
    const eventId = randomUUID();
    const result = await this.store.append(
      stream,
      [{ eventId, type, version: 1, data, metadata: { actor, correlationId: randomUUID() } }],
      'any',
    );
    if (type === 'BidSubmitted' || type === 'BidRevised') this.receiptEvents.push(eventId);
    return result;
  }
}
