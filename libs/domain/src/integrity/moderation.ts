import { moderationOutcome, type ModerationOutcome } from '../award/moderated-ranking';
import type { RankedBid } from '../tender/events/award';
import type { TenderView } from '../tender/tender-view';
import { latest, redFlag } from './flag-support';
import type { ModerationIntegrity, RedFlag } from './report';

const places = (ranking: readonly RankedBid[]) =>
  ranking.map(({ supplierId, rank, total }) => ({ supplierId, rank, total }));

/** The report's moderation section; empty while the bids are sealed. */
export function moderationSection(
  view: TenderView,
  sealed: boolean,
  outcome: ModerationOutcome = moderationOutcome(view),
): ModerationIntegrity {
  if (sealed) {
    return {
      panelRanking: [],
      ranking: [],
      panelTopRanked: [],
      topRanked: [],
      changesTopRanked: false,
      moderated: [],
      pending: [],
      superseded: [],
      departures: 0,
      moderators: [],
    };
  }
  return {
    panelRanking: places(outcome.panelRanking),
    ranking: places(outcome.ranking),
    panelTopRanked: outcome.panelTopRanked,
    topRanked: outcome.topRanked,
    changesTopRanked: outcome.changesTopRanked,
    moderated: outcome.cells,
    pending: outcome.pending,
    superseded: outcome.superseded,
    departures: [...outcome.cells, ...outcome.pending, ...outcome.superseded].filter(
      (cell) => cell.departure,
    ).length,
    moderators: [...(view.tender.evaluation.moderators ?? [])],
  };
}

/**
 * FT-MODERATION-CHANGED-RANKING: the agreed scores that count put a different bid first than the
 * evaluators' own scores do. Evidence: both tops and rankings, and every agreed score that moved off
 * the panel's mean, with the evaluators' scores, the officers and their reasons.
 */
export function moderationChangedRanking(outcome: ModerationOutcome): RedFlag[] {
  if (!outcome.changesTopRanked) return [];
  const cells = outcome.cells.filter(
    (cell) => cell.departure || cell.agreedScore !== cell.panelMean,
  );
  if (cells.length === 0) return [];
  const raisedAt = latest(cells.map((cell) => cell.confirmedAt ?? cell.moderatedAt));
  return [
    redFlag(
      'FT-MODERATION-CHANGED-RANKING',
      {
        panelTopRanked: outcome.panelTopRanked,
        topRanked: outcome.topRanked,
        panelRanking: places(outcome.panelRanking),
        ranking: places(outcome.ranking),
        cells,
      },
      raisedAt,
      outcome.topRanked.length === 1 ? { supplierId: outcome.topRanked[0] } : {},
    ),
  ];
}
