import type { NoticeEvent } from '../events/notice';
import type { TenderState } from '../state';

/** Folds the notice's and the opening's events into their slices. */
export function evolveNotice(state: TenderState, event: NoticeEvent): TenderState {
  const { notice, opening } = state;
  switch (event.type) {
    case 'TenderDrafted': {
      const { tenderId, buyerOrganisationId, terms } = event.data;
      return {
        ...state,
        stage: 'draft',
        tenderId,
        buyerOrganisationId,
        notice: { ...notice, terms, version: 0 },
      };
    }
    case 'DraftRevised':
      return { ...state, notice: { ...notice, terms: event.data.terms } };
    case 'TenderPublished': {
      const { terms, publishedAt, noticeVersion, tenderingPeriod } = event.data;
      const published = { ...notice, terms, publishedAt, version: noticeVersion };
      return {
        ...state,
        stage: 'tendering',
        notice: tenderingPeriod ? { ...published, tenderingPeriod } : published,
      };
    }
    case 'BidSealingKeyIssued':
      return { ...state, opening: { ...opening, sealingKey: { ...event.data } } };
    case 'NoticeAmended': {
      const { changes, amendedAt, noticeVersion, tenderingPeriod } = event.data;
      const terms = notice.terms && { ...notice.terms, ...changes };
      const amended = {
        ...notice,
        terms,
        lastAmendedAt: amendedAt,
        version: noticeVersion,
        ...(tenderingPeriod ? { tenderingPeriod } : {}),
      };
      if (changes.clarificationDeadline === undefined) return { ...state, notice: amended };
      // A new clarification deadline opens a new period, however the old one ended.
      const { clarificationPeriodClosedAt: _ended, ...reopened } = amended;
      return { ...state, notice: reopened };
    }
    case 'TenderCancelled': {
      const cancelled = { at: event.data.cancelledAt, reason: event.data.reason };
      return { ...state, stage: 'cancelled', notice: { ...notice, cancelled } };
    }
    case 'ClarificationRequested': {
      const { questionId, question, supplierId, askedAt } = event.data;
      const asked = { questionId, question, supplierId, askedAt };
      const clarifications = { ...notice.clarifications, [questionId]: asked };
      return { ...state, notice: { ...notice, clarifications } };
    }
    case 'ClarificationAnswered': {
      const { questionId, answer, answeredAt } = event.data;
      if (!Object.hasOwn(notice.clarifications, questionId)) return state;
      const answered = { ...notice.clarifications[questionId], answer, answeredAt };
      const clarifications = { ...notice.clarifications, [questionId]: answered };
      return { ...state, notice: { ...notice, clarifications } };
    }
    case 'TenderingClosed':
      return { ...state, stage: 'closed', opening: { ...opening, closedAt: event.data.closedAt } };
    case 'ClarificationPeriodClosed':
      return {
        ...state,
        notice: { ...notice, clarificationPeriodClosedAt: event.data.closedAt },
      };
    case 'BidOpeningConfirmed':
      return { ...state, opening: { ...opening, confirmation: { ...event.data } } };
    case 'BidsOpened': {
      const { openedAt, officerIds, bidStreams } = event.data;
      const { confirmation: _spent, ...rest } = opening;
      return {
        ...state,
        stage: 'evaluation',
        opening: { ...rest, openedAt, openedBy: officerIds, bidStreams },
      };
    }
    default: {
      // Unknown at compile time is a missing case; unknown at run time is a newer event: ignored.
      const _exhaustive: never = event;
      return state;
    }
  }
}
