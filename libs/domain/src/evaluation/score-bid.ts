import type { TenderView } from '../tender/tender-view';
import { DomainError } from '../shared/domain-error';
import {
  isSubstantiveText,
  substantiveTextProblem,
  SUBSTANTIVE_TEXT_RULE,
} from '../shared/substantive-text';
import {
  declarationOf,
  hasSubmitted,
  qualityCriteria,
  scoreOf,
  sheetOf,
} from '../tender/bids-under-evaluation';
import type { EvaluationCommand } from './commands';
import type { BidScored } from '../tender/events/evaluation';
import { requireCompliantBid, requirePanelEvaluator } from './guards';

type ScoreBid = Extract<EvaluationCommand, { type: 'ScoreBid' }>;

/**
 * An evaluator scores quality criteria of one compliant bid on the notice's scale, each with a written
 * justification (rule 2), after declaring no conflict with its supplier (rule 3). Scores may be changed
 * until the evaluator submits; an unchanged score is not recorded again.
 */
export function scoreBid(command: ScoreBid, view: TenderView): BidScored[] {
  const tender = requirePanelEvaluator(view, command.actor, 'score bids');
  const evaluatorId = command.actor.userId;
  const { supplierId, scores } = command;
  const round = tender.evaluation.round;
  if (hasSubmitted(view, evaluatorId)) {
    throw new DomainError(
      'EVALUATION_ALREADY_SUBMITTED',
      `You submitted your scores for round ${round}; they can no longer change`,
      { round },
    );
  }
  requireCompliantBid(view, supplierId);
  const sheet = sheetOf(view, evaluatorId);
  const declaration = declarationOf(sheet, supplierId);
  if (!declaration) {
    throw new DomainError(
      'UNDECLARED_CONFLICT',
      `Declare whether you have a conflict of interest with ${supplierId} before scoring its bid`,
      { supplierId, evaluatorId },
    );
  }
  if (declaration.conflict) {
    throw new DomainError(
      'EVALUATOR_CONFLICTED',
      `You declared a conflict of interest with ${supplierId}, so you do not score its bid`,
      { supplierId, evaluatorId },
    );
  }
  const criteria = qualityCriteria(tender.notice.terms.awardCriteria).map(
    (criterion) => criterion.id,
  );
  const { min, max } = tender.notice.terms.scoringScale;
  if (!Array.isArray(scores) || scores.length === 0) {
    throw new DomainError('INVALID_SCORE', 'Give at least one criterion score', { supplierId });
  }
  const seen = new Set<string>();
  for (const { criterionId, score, justification } of scores) {
    if (!criteria.includes(criterionId) || seen.has(criterionId)) {
      throw new DomainError(
        'INVALID_SCORE',
        seen.has(criterionId)
          ? `Criterion ${criterionId} is scored twice in one request`
          : `Criterion ${JSON.stringify(criterionId)} is not a quality criterion of this notice (evaluators score ${criteria.join(', ')}; price is computed from the bid)`,
        { criterionId, criteria },
      );
    }
    seen.add(criterionId);
    if (typeof score !== 'number' || !Number.isFinite(score) || score < min || score > max) {
      throw new DomainError(
        'INVALID_SCORE',
        `The score for ${criterionId} must be a number from ${min} to ${max} (the notice's scale)`,
        { criterionId, score, scale: { min, max } },
      );
    }
    if (!isSubstantiveText(justification)) {
      throw new DomainError(
        'SCORE_UNJUSTIFIED',
        `The score for ${criterionId} needs a written justification of ${SUBSTANTIVE_TEXT_RULE}`,
        { criterionId, problem: substantiveTextProblem(justification) },
      );
    }
  }
  const scoredAt = command.now.toISOString();
  return scores
    .filter(({ criterionId, score, justification }) => {
      const current = scoreOf(sheet, supplierId, criterionId);
      return !current || current.score !== score || current.justification !== justification.trim();
    })
    .map(({ criterionId, score, justification }) => ({
      type: 'BidScored' as const,
      data: {
        evaluatorId,
        supplierId,
        criterionId,
        score,
        justification: justification.trim(),
        scoredAt,
        round,
      },
    }));
}
