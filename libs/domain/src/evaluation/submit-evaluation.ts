import type { TenderView } from '../tender/tender-view';
import { DomainError } from '../shared/domain-error';
import { assessorsOf, compliantBids, hasSubmitted } from '../tender/bids-under-evaluation';
import type { EvaluationCommand } from './commands';
import type { EvaluationSubmitted } from '../tender/events/evaluation';
import { requirePanelEvaluator } from './guards';
import { evaluationViolations } from '../tender/rule-violations';

type SubmitEvaluation = Extract<EvaluationCommand, { type: 'SubmitEvaluation' }>;

/**
 * The evaluator's scores for the round become final, and only now may it see the others' (rule 3).
 * It must have declared on every compliant bid and scored every criterion of each it has no conflict
 * with, every compliance decision having been made first.
 */
export function submitEvaluation(
  command: SubmitEvaluation,
  view: TenderView,
): EvaluationSubmitted[] {
  const tender = requirePanelEvaluator(view, command.actor, 'submit scores');
  const evaluatorId = command.actor.userId;
  const round = tender.evaluation.round;
  if (hasSubmitted(view, evaluatorId)) {
    throw new DomainError(
      'EVALUATION_ALREADY_SUBMITTED',
      `You already submitted your scores for round ${round}`,
      {
        round,
      },
    );
  }
  const own = evaluationViolations(view).filter(
    (violation) =>
      (violation.code === 'INCOMPLETE_EVALUATION' || violation.code === 'UNDECLARED_CONFLICT') &&
      (violation.evaluatorId === evaluatorId || violation.evaluatorId === undefined) &&
      !(
        violation.code === 'INCOMPLETE_EVALUATION' &&
        violation.criterionId === undefined &&
        violation.supplierId === undefined
      ),
  );
  if (own.length > 0) {
    const [first] = own;
    throw new DomainError(
      first.code,
      own.length === 1
        ? first.message
        : `${first.message} (and ${own.length - 1} more: see details.missing)`,
      { missing: own.slice(0, 100), totalMissing: own.length },
    );
  }
  return [
    {
      type: 'EvaluationSubmitted',
      data: {
        evaluatorId,
        round,
        submittedAt: command.now.toISOString(),
        // The bids this evaluator scored: a bid it declared a conflict with is not one of them.
        scoredBids: compliantBids(view).filter((supplierId) =>
          assessorsOf(view, supplierId).includes(evaluatorId),
        ),
      },
    },
  ];
}
