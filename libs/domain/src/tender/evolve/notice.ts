import type { NoticeEvent } from '../events/notice';
import type { TenderState } from '../state';

/** Folds one tender-stream event into the state. Events it does not know leave the state as it is. */
export function evolveNotice(state: TenderState, event: NoticeEvent): TenderState {
  switch (event.type) {
    case 'TenderDrafted': {
      const { tenderId, buyerOrganisationId, terms } = event.data;
      return { ...state, stage: 'draft', tenderId, buyerOrganisationId, terms, noticeVersion: 0 };
    }
    case 'DraftRevised':
      return { ...state, terms: event.data.terms };
    case 'TenderPublished': {
      const { terms, publishedAt, noticeVersion, tenderingPeriod } = event.data;
      const published = {
        ...state,
        stage: 'tendering' as const,
        terms,
        publishedAt,
        noticeVersion,
      };
      return tenderingPeriod ? { ...published, tenderingPeriod } : published;
    }
    case 'BidSealingKeyIssued':
      return { ...state, sealingKey: { ...event.data } };
    case 'NoticeAmended': {
      const { changes, amendedAt, noticeVersion, tenderingPeriod } = event.data;
      const terms = state.terms && { ...state.terms, ...changes };
      const amended = {
        ...state,
        terms,
        lastAmendedAt: amendedAt,
        noticeVersion,
        ...(tenderingPeriod ? { tenderingPeriod } : {}),
      };
      if (changes.clarificationDeadline === undefined) return amended;
      // A new clarification deadline opens a new period, however the old one ended.
      const { clarificationPeriodClosedAt: _ended, ...reopened } = amended;
      return reopened;
    }
    case 'TenderCancelled':
      return {
        ...state,
        stage: 'cancelled',
        cancelledAt: event.data.cancelledAt,
        cancellationReason: event.data.reason,
      };
    case 'ClarificationRequested': {
      const { questionId, question, supplierId, askedAt } = event.data;
      return {
        ...state,
        clarifications: {
          ...state.clarifications,
          [questionId]: { questionId, question, supplierId, askedAt },
        },
      };
    }
    case 'ClarificationAnswered': {
      const { questionId, answer, answeredAt } = event.data;
      if (!Object.hasOwn(state.clarifications, questionId)) return state;
      const asked = state.clarifications[questionId];
      return {
        ...state,
        clarifications: { ...state.clarifications, [questionId]: { ...asked, answer, answeredAt } },
      };
    }
    case 'TenderingClosed':
      return { ...state, stage: 'closed', closedAt: event.data.closedAt };
    case 'ClarificationPeriodClosed':
      return { ...state, clarificationPeriodClosedAt: event.data.closedAt };
    case 'BidOpeningConfirmed':
      return { ...state, openingConfirmation: { ...event.data } };
    case 'BidsOpened': {
      const { openedAt, officerIds, bidStreams } = event.data;
      const { openingConfirmation: _spent, ...rest } = state;
      return {
        ...rest,
        stage: 'evaluation',
        openedAt,
        openedBy: officerIds,
        openedBidStreams: bidStreams,
      };
    }
    default: {
      // Unknown at compile time is a missing case; unknown at run time is a newer event: ignored.
      const _exhaustive: never = event;
      return state;
    }
  }
}
