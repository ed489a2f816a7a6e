import type { TenderView } from '../tender/tender-view';
import { DomainError } from '../shared/domain-error';
import {
  isSubstantiveText,
  substantiveTextProblem,
  SUBSTANTIVE_TEXT_RULE,
} from '../shared/substantive-text';
import { declarationOf, sheetOf } from '../tender/bids-under-evaluation';
import type { EvaluationCommand } from './commands';
import type { ConflictOfInterestDeclared } from '../tender/events/evaluation';
import { requirePanelEvaluator, requireStandingBid } from './guards';

type DeclareConflict = Extract<EvaluationCommand, { type: 'DeclareConflict' }>;

/**
 * Before scoring a supplier an evaluator declares whether it has a conflict of interest (rule 3). A
 * declared conflict removes it from that bid, and can be declared later, even after submitting; it
 * cannot be taken back.
 */
export function declareConflict(
  command: DeclareConflict,
  view: TenderView,
): ConflictOfInterestDeclared[] {
  requirePanelEvaluator(view, command.actor, 'declare a conflict of interest');
  const { supplierId, conflict } = command;
  requireStandingBid(view, supplierId);
  const evaluatorId = command.actor.userId;
  if (typeof conflict !== 'boolean' || (conflict && !isSubstantiveText(command.statement))) {
    throw new DomainError(
      'INVALID_DECLARATION',
      `A declaration says conflict true or false; a conflict needs a statement of ${SUBSTANTIVE_TEXT_RULE} saying what the interest is`,
      conflict === true
        ? { supplierId, problem: substantiveTextProblem(command.statement) }
        : { supplierId },
    );
  }
  const current = declarationOf(sheetOf(view, evaluatorId), supplierId);
  if (current?.conflict === true) {
    if (!conflict) {
      throw new DomainError(
        'CONFLICT_ALREADY_DECLARED',
        `You declared a conflict of interest with ${supplierId} on ${current.declaredAt}; it cannot be withdrawn`,
        { supplierId, declaredAt: current.declaredAt },
      );
    }
    return [];
  }
  if (current && !conflict) return [];
  return [
    {
      type: 'ConflictOfInterestDeclared',
      data: {
        evaluatorId,
        supplierId,
        conflict,
        ...(conflict ? { statement: command.statement!.trim() } : {}),
        declaredAt: command.now.toISOString(),
      },
    },
  ];
}
