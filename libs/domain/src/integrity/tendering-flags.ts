import { standingBids } from '../tender/bids-under-evaluation';
import type { TenderView } from '../tender/tender-view';
import { compareText, redFlag } from './flag-support';
import type { RedFlag } from './report';
import type { IntegrityThresholds } from './thresholds';

const DAY_MS = 24 * 60 * 60 * 1000;

/** R003: publication to the submission deadline shorter than the threshold (Cardinal: 15 days). */
export function shortSubmissionPeriod(
  view: TenderView,
  thresholds: IntegrityThresholds,
): RedFlag[] {
  const { publishedAt, terms } = view.tender.notice;
  if (!publishedAt || !terms) return [];
  const days = (Date.parse(terms.submissionDeadline) - Date.parse(publishedAt)) / DAY_MS;
  if (!(days < thresholds.minimumSubmissionDays)) return [];
  return [
    redFlag(
      'R003',
      {
        publishedAt,
        submissionDeadline: terms.submissionDeadline,
        // Rounded down: a flagged period never shows as the threshold itself.
        days: Math.floor(days * 100) / 100,
        thresholdDays: thresholds.minimumSubmissionDays,
        procedure: terms.procedure,
      },
      publishedAt,
    ),
  ];
}

/**
 * FT-REDUCED-TENDERING-PERIOD: the notice gives less than the normal statutory minimum tendering period,
 * relying on a listed ground (a planned procurement / prior information notice, or urgency), as its
 * publication or last deadline amendment recorded it.
 */
export function reducedTenderingPeriod(view: TenderView): RedFlag[] {
  const { publishedAt, tenderingPeriod, terms } = view.tender.notice;
  if (!publishedAt || !tenderingPeriod?.reduced) return [];
  const { reduced, floorDays, givenDays, source } = tenderingPeriod;
  return [
    redFlag(
      'FT-REDUCED-TENDERING-PERIOD',
      {
        ground: reduced.ground,
        justification: reduced.justification,
        ...(reduced.priorNoticePublishedAt
          ? { priorNoticePublishedAt: reduced.priorNoticePublishedAt }
          : {}),
        givenDays,
        floorDays,
        source,
        normalFloorDays: reduced.normalFloorDays,
        normalSource: reduced.normalSource,
        procedure: terms?.procedure,
        jurisdiction: terms?.jurisdiction,
      },
      publishedAt,
    ),
  ];
}

/**
 * R018: one bid received, known once tendering has closed. Before opening only the count is shown;
 * after, the bidder.
 */
export function singleBid(view: TenderView, received: number, sealed: boolean): RedFlag[] {
  const { closedAt } = view.tender.opening;
  if (!closedAt || received !== 1) return [];
  const supplierId = sealed ? undefined : standingBids(view)[0];
  return [
    redFlag(
      'R018',
      {
        bidsReceived: 1,
        closedAt,
        procedure: view.tender.notice.terms?.procedure,
        ...(supplierId ? { supplierId } : {}),
      },
      closedAt,
      { supplierId },
    ),
  ];
}

/**
 * FT-UNANSWERED-CLARIFICATIONS: questions not answered when tendering closed (rule 6: every supplier
 * must have the same information). Who asked is never shown.
 */
export function unansweredClarifications(view: TenderView): RedFlag[] {
  const { closedAt } = view.tender.opening;
  const { clarifications } = view.tender.notice;
  if (!closedAt) return [];
  const unanswered = Object.values(clarifications)
    .filter(({ answeredAt }) => !answeredAt || answeredAt > closedAt)
    .sort((a, b) => compareText(a.askedAt, b.askedAt) || compareText(a.questionId, b.questionId))
    .map(({ questionId, question, askedAt, answeredAt }) => ({
      questionId,
      question,
      askedAt,
      ...(answeredAt ? { answeredAfterClosingAt: answeredAt } : {}),
    }));
  if (unanswered.length === 0) return [];
  return [
    redFlag(
      'FT-UNANSWERED-CLARIFICATIONS',
      { closedAt, questionsAsked: Object.keys(clarifications).length, unanswered },
      closedAt,
    ),
  ];
}
