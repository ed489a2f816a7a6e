import {
  assessorsOf,
  qualityCriteria,
  scoreOf,
  sheetOf,
  standingBids,
} from '../tender/bids-under-evaluation';
import { moderationKey } from '../tender/evaluation-state';
import type { TenderView } from '../tender/tender-view';
import type { AssessmentSummary, CriterionReasons, RankedBid } from '../tender/events/award';

/** The panel's written reasons for each quality criterion of a bid, without who wrote them. */
function reasonsFor(view: TenderView, supplierId: string): CriterionReasons[] {
  const {
    notice: { terms },
    evaluation,
  } = view.tender;
  const assessors = assessorsOf(view, supplierId);
  return qualityCriteria(terms?.awardCriteria ?? []).map(({ id: criterionId }) => {
    const justifications = assessors
      .map(
        (evaluatorId) =>
          scoreOf(sheetOf(view, evaluatorId), supplierId, criterionId)?.justification,
      )
      .filter((text): text is string => text !== undefined);
    const key = moderationKey(supplierId, criterionId);
    const moderation = Object.hasOwn(evaluation.moderated, key)
      ? evaluation.moderated[key].reason
      : undefined;
    return moderation === undefined
      ? { criterionId, justifications }
      : { criterionId, justifications, moderation };
  });
}

/**
 * PA 2023 s.50: every bidder is told its own assessment and the winner's, with the reasons. An
 * excluded bidder is told why it was excluded.
 */
export function assessmentSummaries(
  view: TenderView,
  winnerId: string,
  ranking: readonly RankedBid[],
): AssessmentSummary[] {
  const ranked = new Map(ranking.map((bid) => [bid.supplierId, bid]));
  const winnerBid = ranked.get(winnerId)!;
  const winner = {
    supplierId: winnerId,
    total: winnerBid.total,
    scores: winnerBid.scores,
    reasons: reasonsFor(view, winnerId),
  };
  return standingBids(view).map((supplierId) => {
    const own = ranked.get(supplierId);
    const record = view.tender.evaluation.compliance[supplierId];
    if (!own) {
      return {
        supplierId,
        outcome: 'excluded',
        exclusion: {
          reasonCode: record?.reasonCode ?? 'unknown',
          reasonText: record?.reasonText ?? '',
          ...(record?.requirement ? { requirement: record.requirement } : {}),
        },
        winner,
      };
    }
    return {
      supplierId,
      outcome: supplierId === winnerId ? 'successful' : 'unsuccessful',
      own: {
        rank: own.rank,
        total: own.total,
        scores: own.scores,
        reasons: supplierId === winnerId ? winner.reasons : reasonsFor(view, supplierId),
      },
      winner,
    };
  });
}
