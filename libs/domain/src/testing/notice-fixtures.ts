/** Shared fixtures for the domain specs: one council tender, its officers and two suppliers. */
import type { Actor } from '../shared/actor';
import type {
  BidSealingKeyIssued,
  ClarificationPeriodClosed,
  NoticeAmended,
  TenderDrafted,
  TenderingClosed,
  NoticeEvent,
  TenderPublished,
} from '../tender/events/notice';
import type { AmendableTerms, NoticeTerms, ReducedTenderingPeriod } from '../tender/terms';
import { councilTerms, scenario } from './scenario';

export const TENDER_ID = 't-cameras';
export const DRAFTED_AT = '2025-03-01T10:00:00.000Z';
/** Publication day; the default deadlines leave 28 days to respond (minimum 15). */
export const NOW = new Date('2025-03-03T09:00:00.000Z');
export const CLARIFICATION_DEADLINE = '2025-03-24T12:00:00.000Z';
export const SUBMISSION_DEADLINE = '2025-03-31T12:00:00.000Z';

export const at = (iso: string): Date => new Date(iso);
export const msBefore = (iso: string, ms: number): Date => new Date(Date.parse(iso) - ms);

export const officer: Actor = { userId: 'u-alice', organisationId: 'org-council', role: 'officer' };
export const secondOfficer: Actor = { ...officer, userId: 'u-bob' };
export const foreignOfficer: Actor = {
  userId: 'u-eve',
  organisationId: 'org-other',
  role: 'officer',
};
export const supplier: Actor = { userId: 'u-sam', organisationId: 'org-acme', role: 'supplier' };
export const otherSupplier: Actor = {
  userId: 'u-ola',
  organisationId: 'org-beta',
  role: 'supplier',
};
export const auditor: Actor = { userId: 'u-aud', organisationId: 'org-nao', role: 'auditor' };

/** A lawful reduced tendering period (Procurement Act 2023 s.54(3), Directive 2014/24 Art. 27(3)). */
export const urgency: ReducedTenderingPeriod = {
  ground: 'urgency',
  justification:
    'The current camera contract ends on 31 March and officers would patrol without them',
};

export const terms = councilTerms;

export const drafted = (t: NoticeTerms = terms()): TenderDrafted => ({
  type: 'TenderDrafted',
  data: {
    tenderId: TENDER_ID,
    buyerOrganisationId: 'org-council',
    terms: t,
    draftedAt: DRAFTED_AT,
  },
});

export const published = (t: NoticeTerms = terms()): TenderPublished => ({
  type: 'TenderPublished',
  data: { terms: t, publishedAt: NOW.toISOString(), noticeVersion: 1 },
});

export const keyIssued = (): BidSealingKeyIssued => ({
  type: 'BidSealingKeyIssued',
  data: { keyId: 'dk-1', wrappedKey: 'd3JhcHBlZA==' },
});

/** Drafted and published: stage tendering, notice version 1. */
export const tendering = (t: NoticeTerms = terms()) =>
  scenario({ terms: t }).publish().events() as NoticeEvent[];

export const amended = (changes: AmendableTerms, noticeVersion: number): NoticeAmended => ({
  type: 'NoticeAmended',
  data: {
    changes,
    reason: 'Scope clarified',
    amendedAt: '2025-03-10T09:00:00.000Z',
    noticeVersion,
  },
});

export const closedAtDeadline = (): TenderingClosed => ({
  type: 'TenderingClosed',
  data: { closedAt: SUBMISSION_DEADLINE, submissionDeadline: SUBMISSION_DEADLINE },
});

/** Both deadlines passed, each closed at its deadline with no question left unanswered. */
export const deadlinesPassed = (
  t: Pick<NoticeTerms, 'clarificationDeadline' | 'submissionDeadline'>,
): [ClarificationPeriodClosed, TenderingClosed] => [
  {
    type: 'ClarificationPeriodClosed',
    data: {
      closedAt: t.clarificationDeadline,
      clarificationDeadline: t.clarificationDeadline,
      unansweredQuestions: 0,
    },
  },
  {
    type: 'TenderingClosed',
    data: { closedAt: t.submissionDeadline, submissionDeadline: t.submissionDeadline },
  },
];
