import { compliantBids } from '../tender/bids-under-evaluation';
import type { TenderView } from '../tender/tender-view';
import { requireBuyerOfficer, requireStage, requireTender } from '../tender/guards';
import { DomainError } from '../shared/domain-error';
import {
  isSubstantiveText,
  substantiveTextProblem,
  SUBSTANTIVE_TEXT_RULE,
} from '../shared/substantive-text';
import type { AwardCommand } from './commands';
import type { TenderDeclaredUnsuccessful } from '../tender/events/award';

/** The tender ends without an award (rule 1's usual outcome with too few compliant bids). */
export function declareUnsuccessful(
  command: Extract<AwardCommand, { type: 'DeclareUnsuccessful' }>,
  view: TenderView,
): [TenderDeclaredUnsuccessful] {
  const tender = requireTender(view.tender);
  requireBuyerOfficer(tender, command.actor, 'declare the tender unsuccessful');
  requireStage(tender, ['closed', 'evaluation'], 'declare the tender unsuccessful');
  if (!isSubstantiveText(command.reason)) {
    throw new DomainError(
      'REASON_REQUIRED',
      `Declaring a tender unsuccessful needs a reason of ${SUBSTANTIVE_TEXT_RULE}`,
      { field: 'reason', problem: substantiveTextProblem(command.reason) },
    );
  }
  return [
    {
      type: 'TenderDeclaredUnsuccessful',
      data: {
        reason: command.reason.trim(),
        compliantBids: compliantBids(view).length,
        minimumBids: tender.notice.terms.minimumBids,
        declaredAt: command.now.toISOString(),
        declaredBy: command.actor.userId,
      },
    },
  ];
}
