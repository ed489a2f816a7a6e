import type { DomainEvent } from '../../shared/domain-event';
import type { TenderingPeriodRecord } from '../tendering-period-record';
import type { AmendableTerms, NoticeTerms } from '../terms';

/** Events of the tender stream `tender-<id>` up to opening. */
export type TenderDrafted = DomainEvent<
  'TenderDrafted',
  { tenderId: string; buyerOrganisationId: string; terms: NoticeTerms; draftedAt: string }
>;
export type DraftRevised = DomainEvent<'DraftRevised', { terms: NoticeTerms; revisedAt: string }>;
/**
 * `tenderingPeriod`: the statutory minimum the notice was held to and the period it gives (absent in
 * events recorded before the minimum periods were enforced).
 */
export type TenderPublished = DomainEvent<
  'TenderPublished',
  {
    terms: NoticeTerms;
    publishedAt: string;
    noticeVersion: number;
    tenderingPeriod?: TenderingPeriodRecord;
    /**
     * Whether preliminary market engagement took place (PA 2023 s.17): on notices of a tender opened as a
     * procurement (issue 14); absent on tenders drafted without a planning record.
     */
    preliminaryMarketEngagement?: {
      tookPlace: boolean;
      engagementNoticePublishedAt: string | null;
      suppliersEngaged: number;
    };
  }
>;
/** The tender's bid-sealing data key, wrapped by the master key (docs/rules.md#sealed-bids). Opaque to the domain. */
export type BidSealingKeyIssued = DomainEvent<
  'BidSealingKeyIssued',
  { keyId: string; wrappedKey: string }
>;
/** `tenderingPeriod`: recorded when the amendment moves the submission deadline (see TenderPublished). */
export type NoticeAmended = DomainEvent<
  'NoticeAmended',
  {
    changes: AmendableTerms;
    reason: string;
    amendedAt: string;
    noticeVersion: number;
    tenderingPeriod?: TenderingPeriodRecord;
  }
>;
/** A termination notice: the tender stops at whatever stage it had reached. */
export type TenderCancelled = DomainEvent<
  'TenderCancelled',
  { reason: string; cancelledAt: string; stage: string }
>;
/** The asker is kept for the record only; the public and other suppliers never see it. */
export type ClarificationRequested = DomainEvent<
  'ClarificationRequested',
  { questionId: string; question: string; askedAt: string; supplierId: string }
>;
export type ClarificationAnswered = DomainEvent<
  'ClarificationAnswered',
  { questionId: string; answer: string; answeredAt: string }
>;
export type TenderingClosed = DomainEvent<
  'TenderingClosed',
  { closedAt: string; submissionDeadline: string }
>;
/** Questions are no longer accepted: the clarification deadline was reached (usually by the scheduler). */
export type ClarificationPeriodClosed = DomainEvent<
  'ClarificationPeriodClosed',
  { closedAt: string; clarificationDeadline: string; unansweredQuestions: number }
>;
/** The first of the two officers needed to open the bids. */
export type BidOpeningConfirmed = DomainEvent<
  'BidOpeningConfirmed',
  { officerId: string; confirmedAt: string }
>;
/** The head of every bid stream at opening: the tender stream commits to every bid (docs/architecture.md#the-event-store). */
export interface BidStreamHead {
  supplierId: string;
  streamName: string;
  revision: number;
  hash: string;
}
export type BidsOpened = DomainEvent<
  'BidsOpened',
  { openedAt: string; officerIds: [string, string]; bidStreams: BidStreamHead[] }
>;

export type NoticeEvent =
  | TenderDrafted
  | DraftRevised
  | TenderPublished
  | BidSealingKeyIssued
  | NoticeAmended
  | TenderCancelled
  | ClarificationRequested
  | ClarificationAnswered
  | TenderingClosed
  | ClarificationPeriodClosed
  | BidOpeningConfirmed
  | BidsOpened;
