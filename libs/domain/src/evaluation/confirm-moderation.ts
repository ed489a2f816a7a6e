import type { TenderView } from '../tender/tender-view';
import { requireBuyerOfficer, requireStage, requireTender } from '../tender/guards';
import { DomainError } from '../shared/domain-error';
import { isSubstantiveText, SUBSTANTIVE_TEXT_RULE } from '../shared/substantive-text';
import type { EvaluationCommand } from './commands';
import type { ScoreModerationConfirmed } from '../tender/events/evaluation';
import { moderationKey } from '../tender/evaluation-state';

type ConfirmModeration = Extract<EvaluationCommand, { type: 'ConfirmModeration' }>;

/**
 * A second, different officer of the buyer confirms an agreed score outside the range of the
 * panel's scores, with a reason of its own: separation of duties (docs/rules.md#separation-of-duties), so that no one
 * officer can overturn what the evaluators agreed. The command names the score it confirms, so a
 * request replaced in the meantime is never confirmed unseen.
 */
export function confirmModeration(
  command: ConfirmModeration,
  view: TenderView,
): ScoreModerationConfirmed[] {
  const tender = requireTender(view.tender);
  requireBuyerOfficer(tender, command.actor, 'confirm a moderated score');
  requireStage(tender, ['evaluation'], 'confirm a moderated score');
  const { supplierId, criterionId, agreedScore } = command;
  const pendingModerations = tender.evaluation.pendingModerations ?? {};
  const key = moderationKey(supplierId, criterionId);
  const pending = Object.hasOwn(pendingModerations, key) ? pendingModerations[key] : undefined;
  if (!pending || pending.agreedScore !== agreedScore) {
    throw new DomainError(
      'MODERATION_NOT_PENDING',
      pending
        ? `The agreed score waiting for confirmation on ${criterionId} of the bid from ${supplierId} is ${pending.agreedScore}, not ${agreedScore}`
        : `No agreed score on ${criterionId} of the bid from ${supplierId} is waiting for a second officer`,
      { supplierId, criterionId, ...(pending ? { pendingScore: pending.agreedScore } : {}) },
    );
  }
  if (pending.requestedBy === command.actor.userId) {
    throw new DomainError(
      'SAME_OFFICER_TWICE',
      'An agreed score outside the panel’s range must be confirmed by an officer other than the one who moderated it',
      { requestedBy: pending.requestedBy },
    );
  }
  if (!isSubstantiveText(command.reason)) {
    throw new DomainError(
      'MODERATION_UNREASONED',
      `Confirming ${agreedScore} against the evaluators' scores (${pending.evaluatorScores.join(', ')}) needs your own reason, ${SUBSTANTIVE_TEXT_RULE}`,
      { supplierId, criterionId, evaluatorScores: pending.evaluatorScores },
    );
  }
  return [
    {
      type: 'ScoreModerationConfirmed',
      data: {
        supplierId,
        criterionId,
        agreedScore,
        evaluatorScores: [...pending.evaluatorScores],
        panelRange: { ...pending.panelRange },
        reason: pending.reason,
        requestedAt: pending.requestedAt,
        requestedBy: pending.requestedBy,
        confirmationReason: command.reason.trim(),
        confirmedAt: command.now.toISOString(),
        confirmedBy: command.actor.userId,
        round: tender.evaluation.round,
      },
    },
  ];
}
