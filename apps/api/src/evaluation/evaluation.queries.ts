import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  compliantBids,
  requirePanelMember,
  requireRecordReader,
  requireVisibleTender,
  evaluationViolations,
  excludedBids,
  hasSubmitted,
  moderationOutcome,
  qualityCriteria,
  rankBids,
  standingBids,
  type Actor,
  type EvaluatorSheet,
  type TenderView,
  readsEveryScore,
} from '@fairtender/domain';
import { TenderViews } from '../runtime/tender-views';

/** Enough to act on without sending back every one of 10,000 missing scores. */
const REPORTED_VIOLATIONS = 200;

export class GetScoresQuery extends Query<ReturnType<typeof scoresView>> {
  constructor(
    readonly tenderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

export class GetRankingQuery extends Query<ReturnType<typeof rankingView>> {
  constructor(
    readonly tenderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * Blind scoring (rule 3), read from the streams: an evaluator sees its own scores until it has
 * submitted in the current round, then the panel's; an officer of the buyer sees the scores of the
 * evaluators who have submitted; legal and oversight see them all.
 */
@QueryHandler(GetScoresQuery)
export class GetScoresHandler implements IQueryHandler<GetScoresQuery> {
  constructor(private readonly views: TenderViews) {}

  async execute({ tenderId, actor }: GetScoresQuery) {
    const view = await this.views.load(tenderId);
    const { tender } = view;
    if (actor.role === 'evaluator') {
      requireVisibleTender(tender, tenderId, actor);
      requirePanelMember(tender, actor, 'read its scores');
      const sees = hasSubmitted(view, actor.userId) ? 'panel' : 'own';
      return scoresView(tenderId, view, sees, (id) => sees === 'panel' || id === actor.userId);
    }
    requireRecordReader(tender, tenderId, actor);
    if (readsEveryScore(actor)) return scoresView(tenderId, view, 'all', () => true);
    return scoresView(tenderId, view, 'submitted', (id) => hasSubmitted(view, id));
  }
}

/**
 * The system's ranking beside the panel's own (evaluators' means, no moderation), the agreed scores,
 * and what still stands between the evaluation and an award, live.
 */
@QueryHandler(GetRankingQuery)
export class GetRankingHandler implements IQueryHandler<GetRankingQuery> {
  constructor(private readonly views: TenderViews) {}

  async execute({ tenderId, actor }: GetRankingQuery) {
    const view = await this.views.load(tenderId);
    requireRecordReader(view.tender, tenderId, actor);
    return rankingView(tenderId, view, readsEveryScore(actor));
  }
}

function scoresView(
  tenderId: string,
  view: TenderView,
  sees: 'own' | 'panel' | 'submitted' | 'all',
  showsScoresOf: (evaluatorId: string) => boolean,
) {
  const { tender } = view;
  const listed = sees === 'own' ? (id: string) => showsScoresOf(id) : () => true;
  return {
    tenderId,
    stage: tender.stage,
    round: tender.evaluation.round,
    sees,
    criteria: qualityCriteria(tender.notice.terms?.awardCriteria ?? []).map(
      (criterion) => criterion.id,
    ),
    evaluators: tender.evaluation.panel.filter(listed).map((evaluatorId) => {
      const sheet = Object.hasOwn(view.sheets, evaluatorId) ? view.sheets[evaluatorId] : undefined;
      const submitted = hasSubmitted(view, evaluatorId);
      return {
        evaluatorId,
        submitted,
        ...(submitted ? { submittedAt: sheet?.submittedAt } : {}),
        declarations: declarationsOf(sheet),
        scoresVisible: showsScoresOf(evaluatorId),
        scores: showsScoresOf(evaluatorId) ? scoresOf(sheet) : [],
      };
    }),
    moderated: Object.entries(tender.evaluation.moderated).map(([key, moderation]) => {
      const [supplierId, criterionId] = key.split('/');
      return { supplierId, criterionId, ...moderation };
    }),
    pendingModerations: Object.values(tender.evaluation.pendingModerations ?? {}),
  };
}

function declarationsOf(sheet: EvaluatorSheet | undefined) {
  return Object.entries(sheet?.declarations ?? {}).map(([supplierId, declaration]) => ({
    supplierId,
    ...declaration,
  }));
}

function scoresOf(sheet: EvaluatorSheet | undefined) {
  return Object.entries(sheet?.scores ?? {}).flatMap(([supplierId, criteria]) =>
    Object.entries(criteria).map(([criterionId, score]) => ({ supplierId, criterionId, ...score })),
  );
}

/**
 * An officer's ranking counts only submitted scores, as its scores view does; legal and oversight
 * see the ranking on every score recorded. The violations are read on the whole record either way.
 */
function rankingView(tenderId: string, view: TenderView, everyScore: boolean) {
  const { tender } = view;
  const submittedOnly: TenderView = {
    ...view,
    sheets: Object.fromEntries(
      Object.entries(view.sheets).map(([evaluatorId, sheet]) => [
        evaluatorId,
        hasSubmitted(view, evaluatorId) ? sheet : { ...sheet, scores: {} },
      ]),
    ),
  };
  const compliant = compliantBids(view);
  const minimumBids = tender.notice.terms?.minimumBids ?? 0;
  const ranked = everyScore ? view : submittedOnly;
  const moderation = moderationOutcome(ranked, rankBids(ranked));
  const violations = [
    ...evaluationViolations(view),
    ...moderation.pending.map((cell) => ({
      code: 'MODERATION_PENDING',
      message: `The agreed score ${cell.agreedScore} on ${cell.criterionId} of the bid from ${cell.supplierId} lies outside the evaluators' scores (${cell.evaluatorScores.join(', ')}) and waits for a second officer's confirmation`,
      supplierId: cell.supplierId,
      criterionId: cell.criterionId,
    })),
    ...(tender.notice.terms && compliant.length < minimumBids
      ? [
          {
            code: 'INSUFFICIENT_COMPETITION',
            message: `${compliant.length} bid(s) passed compliance; the notice requires ${minimumBids}`,
          },
        ]
      : []),
  ];
  return {
    tenderId,
    stage: tender.stage,
    round: tender.evaluation.round,
    basis: everyScore ? 'every recorded score' : 'submitted scores',
    bids: {
      opened: standingBids(view).length,
      compliant: compliant.length,
      excluded: excludedBids(view).length,
      minimumBids,
    },
    /** What counts (rule 5): the evaluators' means, with the agreed scores that count. */
    ranking: moderation.ranking,
    /** Side by side: the panel's own ranking, on the evaluators' means alone. */
    panelRanking: moderation.panelRanking,
    moderation: {
      panelTopRanked: moderation.panelTopRanked,
      topRanked: moderation.topRanked,
      changesTopRanked: moderation.changesTopRanked,
      moderated: moderation.cells,
      pending: moderation.pending,
      superseded: moderation.superseded,
    },
    complete: violations.length === 0,
    violations: violations.slice(0, REPORTED_VIOLATIONS),
    totalViolations: violations.length,
  };
}

export const EVALUATION_QUERY_HANDLERS = [GetScoresHandler, GetRankingHandler];
