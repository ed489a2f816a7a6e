import { assessorsOf, scoreOf, sheetOf } from '../tender/bids-under-evaluation';
import { moderationKey, type Moderation, type PendingModeration } from '../tender/evaluation-state';
import type { TenderView } from '../tender/tender-view';
import type { ModeratedCell, RankedBid } from '../tender/events/award';
import { rankBids } from './ranking';

/** What moderation did to the panel's ranking: both rankings side by side and every agreed score. */
export interface ModerationOutcome {
  /** On the evaluators' means alone. */
  panelRanking: RankedBid[];
  /** With the agreed scores that count: the system's ranking (rule 5). */
  ranking: RankedBid[];
  panelTopRanked: string[];
  topRanked: string[];
  /** Moderation changed which bid (or bids) rank first. */
  changesTopRanked: boolean;
  /** Agreed scores that count, in supplier then criterion order. */
  cells: ModeratedCell[];
  /** Agreed scores outside the panel's range waiting for a second officer: not counted. */
  pending: ModeratedCell[];
  /** Requests outside the range replaced before anyone confirmed them, in the order they were made. */
  superseded: ModeratedCell[];
}

const topOf = (ranking: readonly RankedBid[]) =>
  ranking.filter((bid) => bid.rank === 1).map((bid) => bid.supplierId);
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((supplierId) => b.includes(supplierId));
const mean = (scores: readonly number[]) =>
  Math.round((scores.reduce((sum, score) => sum + score, 0) / scores.length) * 10_000) / 10_000;

export function moderationOutcome(
  view: TenderView,
  ranking: RankedBid[] = rankBids(view),
): ModerationOutcome {
  const { moderated, pendingModerations = {}, supersededModerations = [] } = view.tender.evaluation;
  const panelRanking = rankBids(view, { basis: 'panel' });
  const panelTopRanked = topOf(panelRanking);
  const topRanked = topOf(ranking);
  const cell = (
    key: string,
    entry: Moderation | PendingModeration,
    superseded = false,
  ): ModeratedCell => {
    const [supplierId, criterionId] = key.split('/');
    const evaluatorScores =
      entry.evaluatorScores ?? panelScores(view, supplierId, criterionId) ?? [];
    const panelRange = {
      min: Math.min(...evaluatorScores),
      max: Math.max(...evaluatorScores),
    };
    const departure =
      evaluatorScores.length === 0 ||
      entry.agreedScore < panelRange.min ||
      entry.agreedScore > panelRange.max;
    const pending = 'requestedBy' in entry;
    return {
      supplierId,
      criterionId,
      agreedScore: entry.agreedScore,
      evaluatorScores: [...evaluatorScores],
      panelMean: evaluatorScores.length === 0 ? entry.agreedScore : mean(evaluatorScores),
      panelRange: evaluatorScores.length === 0 ? { min: 0, max: 0 } : panelRange,
      departure,
      ...(pending
        ? {
            status: superseded ? ('superseded' as const) : ('pending' as const),
            moderatedBy: entry.requestedBy,
            moderatedAt: entry.requestedAt,
            reason: entry.reason,
          }
        : {
            status: entry.confirmedBy ? ('confirmed' as const) : ('agreed' as const),
            ...(entry.moderatedBy === undefined ? {} : { moderatedBy: entry.moderatedBy }),
            moderatedAt: entry.moderatedAt,
            ...(entry.reason === undefined ? {} : { reason: entry.reason }),
            ...(entry.confirmedBy === undefined
              ? {}
              : {
                  confirmedBy: entry.confirmedBy,
                  confirmedAt: entry.confirmedAt,
                  confirmationReason: entry.confirmationReason,
                }),
          }),
    };
  };
  const cells = (entries: Record<string, Moderation | PendingModeration>) =>
    Object.keys(entries)
      .sort()
      .map((key) => cell(key, entries[key]));
  return {
    panelRanking,
    ranking,
    panelTopRanked,
    topRanked,
    changesTopRanked: !sameSet(panelTopRanked, topRanked),
    cells: cells(moderated),
    pending: cells(pendingModerations),
    superseded: supersededModerations.map((request) =>
      cell(moderationKey(request.supplierId, request.criterionId), request, true),
    ),
  };
}

/** For agreed scores stored before the evaluators' scores were kept with them. */
function panelScores(
  view: TenderView,
  supplierId: string,
  criterionId: string,
): number[] | undefined {
  const scores = assessorsOf(view, supplierId)
    .map((evaluatorId) => scoreOf(sheetOf(view, evaluatorId), supplierId, criterionId)?.score)
    .filter((score): score is number => score !== undefined);
  return scores.length === 0 ? undefined : scores;
}
