import type { TenderView } from '../tender/tender-view';
import { requireBuyerOfficer, requireStage, requireTender } from '../tender/guards';
import { DomainError } from '../shared/domain-error';
import { isSubstantiveText, SUBSTANTIVE_TEXT_RULE } from '../shared/substantive-text';
import {
  assessorsOf,
  hasSubmitted,
  qualityCriteria,
  scoreOf,
  sheetOf,
} from '../tender/bids-under-evaluation';
import type { EvaluationCommand } from './commands';
import type { ScoreModerated, ScoreModerationRequested } from '../tender/events/evaluation';
import { requireCompliantBid } from './guards';

type ModerateScore = Extract<EvaluationCommand, { type: 'ModerateScore' }>;

/**
 * After every evaluator of a bid has submitted, the officer records the panel's agreed score for a
 * criterion; where it differs from any evaluator's own score, the reason is part of the record.
 * Moderation reconciles the panel, it does not overrule it: a score inside the range of the
 * evaluators' scores counts at once; one outside it (which includes changing unanimous scores) is
 * only requested, a departure that counts once a second officer confirms it (`confirmModeration`).
 * The tenders are assessed by the methodology the notice published (Procurement Act 2023 s.23(3)):
 * the panel's assessment under it is the record, and moderation may settle it, not replace it.
 */
export function moderateScore(
  command: ModerateScore,
  view: TenderView,
): (ScoreModerated | ScoreModerationRequested)[] {
  const tender = requireTender(view.tender);
  requireBuyerOfficer(tender, command.actor, 'moderate scores');
  requireStage(tender, ['evaluation'], 'moderate scores');
  const { supplierId, criterionId, agreedScore } = command;
  requireCompliantBid(view, supplierId);
  if (
    !qualityCriteria(tender.notice.terms.awardCriteria).some(
      (criterion) => criterion.id === criterionId,
    )
  ) {
    throw new DomainError(
      'INVALID_SCORE',
      `Criterion ${JSON.stringify(criterionId)} is not a quality criterion of this notice`,
      {
        criterionId,
      },
    );
  }
  const { min, max } = tender.notice.terms.scoringScale;
  if (
    typeof agreedScore !== 'number' ||
    !Number.isFinite(agreedScore) ||
    agreedScore < min ||
    agreedScore > max
  ) {
    throw new DomainError(
      'INVALID_SCORE',
      `The agreed score must be a number from ${min} to ${max}`,
      {
        criterionId,
        score: agreedScore,
      },
    );
  }
  const assessors = assessorsOf(view, supplierId);
  const waiting = assessors.filter((evaluatorId) => !hasSubmitted(view, evaluatorId));
  if (assessors.length === 0 || waiting.length > 0) {
    throw new DomainError(
      'INCOMPLETE_EVALUATION',
      waiting.length > 0
        ? `Moderation waits until every evaluator of the bid from ${supplierId} has submitted: ${waiting.join(', ')} ha(s) not`
        : `No evaluator without a conflict has scored the bid from ${supplierId}`,
      { supplierId, waiting },
    );
  }
  const submittedScores = assessors.map(
    (evaluatorId) => scoreOf(sheetOf(view, evaluatorId), supplierId, criterionId)?.score,
  );
  const unscored = assessors.filter((_, index) => submittedScores[index] === undefined);
  if (unscored.length > 0) {
    throw new DomainError(
      'INCOMPLETE_EVALUATION',
      `There is no panel score to reconcile: ${unscored.join(', ')} submitted no score for ${criterionId} on the bid from ${supplierId}`,
      { supplierId, criterionId, unscored },
    );
  }
  const evaluatorScores = submittedScores as number[];
  const differs = evaluatorScores.some((score) => score !== agreedScore);
  if (differs && !isSubstantiveText(command.reason)) {
    throw new DomainError(
      'MODERATION_UNREASONED',
      `The agreed score ${agreedScore} differs from the evaluators' scores (${evaluatorScores.join(', ')}): give the reason, ${SUBSTANTIVE_TEXT_RULE}`,
      { supplierId, criterionId, evaluatorScores },
    );
  }
  const panelRange = { min: Math.min(...evaluatorScores), max: Math.max(...evaluatorScores) };
  if (agreedScore < panelRange.min || agreedScore > panelRange.max) {
    return [
      {
        type: 'ScoreModerationRequested',
        data: {
          supplierId,
          criterionId,
          agreedScore,
          evaluatorScores,
          panelRange,
          reason: command.reason!.trim(),
          requestedAt: command.now.toISOString(),
          requestedBy: command.actor.userId,
          round: tender.evaluation.round,
        },
      },
    ];
  }
  return [
    {
      type: 'ScoreModerated',
      data: {
        supplierId,
        criterionId,
        agreedScore,
        evaluatorScores,
        ...(isSubstantiveText(command.reason) ? { reason: command.reason.trim() } : {}),
        moderatedAt: command.now.toISOString(),
        moderatedBy: command.actor.userId,
        round: tender.evaluation.round,
      },
    },
  ];
}
