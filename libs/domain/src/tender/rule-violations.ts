import type { TenderView } from './tender-view';
import type { ErrorCode } from '../shared/error-codes';
import { isSubstantiveText, SUBSTANTIVE_TEXT_RULE } from '../shared/substantive-text';
import {
  assessorsOf,
  compliantBids,
  conflictedWith,
  declarationOf,
  excludedBids,
  hasSubmitted,
  qualityCriteria,
  scoreOf,
  sheetOf,
  standingBids,
} from './bids-under-evaluation';
import { isExclusionReasonCode } from './exclusion-reasons';

/** One thing standing between the evaluation and an award, naming the bid, evaluator and criterion. */
export interface RuleViolation {
  code: ErrorCode;
  message: string;
  supplierId?: string;
  evaluatorId?: string;
  criterionId?: string;
}

export const minimumPanel = (evaluatorCount: number) => Math.max(2, evaluatorCount);

/**
 * Rules 2–4 (docs/rules.md#the-rules) checked on the streams: reasoned exclusions, a big enough independent panel,
 * declarations, and every compliant bid scored on every criterion by every evaluator without a
 * conflict, each with a written justification, and submitted. Empty when the evaluation is complete.
 */
export function evaluationViolations(view: TenderView): RuleViolation[] {
  const {
    notice: { terms },
    evaluation,
  } = view.tender;
  if (!terms) return [];
  const violations: RuleViolation[] = [];
  const { compliance, panel, round } = evaluation;

  for (const supplierId of excludedBids(view)) {
    const { reasonCode, reasonText } = compliance[supplierId];
    if (!isExclusionReasonCode(reasonCode) || !isSubstantiveText(reasonText)) {
      violations.push({
        code: 'EXCLUSION_UNREASONED',
        message: `The exclusion of the bid from ${supplierId} is not reasoned (reason code ${JSON.stringify(reasonCode ?? null)}, text ${JSON.stringify(reasonText ?? '')}): it needs a listed reason code and a text of ${SUBSTANTIVE_TEXT_RULE}`,
        supplierId,
      });
    }
  }

  const required = minimumPanel(terms.evaluatorCount);
  if (panel.length < required) {
    // Only members who accepted count; the others are named so the officer knows whom to chase.
    const pending = evaluation.appointed.filter((id) => !panel.includes(id));
    violations.push({
      code: 'PANEL_TOO_SMALL',
      message: `The evaluation panel has ${panel.length} evaluator(s); the notice requires ${required}${pending.length > 0 ? ` (only accepted members count; appointed, not yet accepted: ${pending.join(', ')})` : ''}`,
    });
  }

  for (const supplierId of standingBids(view)) {
    if (!Object.hasOwn(compliance, supplierId)) {
      violations.push({
        code: 'INCOMPLETE_EVALUATION',
        message: `No compliance decision has been recorded on the bid from ${supplierId}`,
        supplierId,
      });
    }
  }

  const criteria = qualityCriteria(terms.awardCriteria);
  for (const supplierId of compliantBids(view)) {
    for (const evaluatorId of panel) {
      if (!declarationOf(sheetOf(view, evaluatorId), supplierId)) {
        violations.push({
          code: 'UNDECLARED_CONFLICT',
          message: `Evaluator ${evaluatorId} has not declared whether they have a conflict of interest with ${supplierId}`,
          supplierId,
          evaluatorId,
        });
      }
    }
    // Undeclared evaluators are reported above; a bid is short of a panel only through conflicts.
    const available = panel.length - conflictedWith(view, supplierId).length;
    if (panel.length >= required && available < 2) {
      violations.push({
        code: 'PANEL_TOO_SMALL',
        message: `Only ${available} evaluator(s) without a conflict of interest remain for the bid from ${supplierId}; at least 2 must score it`,
        supplierId,
      });
    }
    const assessors = assessorsOf(view, supplierId);
    for (const evaluatorId of assessors) {
      const sheet = sheetOf(view, evaluatorId);
      for (const { id: criterionId } of criteria) {
        const score = scoreOf(sheet, supplierId, criterionId);
        if (!score || !isSubstantiveText(score.justification)) {
          violations.push({
            code: 'INCOMPLETE_EVALUATION',
            message: score
              ? `Evaluator ${evaluatorId}'s score of criterion ${criterionId} for ${supplierId} has no written justification`
              : `Evaluator ${evaluatorId} has not scored criterion ${criterionId} for the bid from ${supplierId}`,
            supplierId,
            evaluatorId,
            criterionId,
          });
        }
      }
    }
  }

  for (const evaluatorId of panel) {
    if (!hasSubmitted(view, evaluatorId)) {
      violations.push({
        code: 'INCOMPLETE_EVALUATION',
        message: `Evaluator ${evaluatorId} has not submitted their scores for evaluation round ${round}`,
        evaluatorId,
      });
    }
  }
  return violations;
}
