import type { TenderView } from '../tender/tender-view';
import type { ExistingTender } from '../tender/guards';
import { requireRole, requireStage, requireTender } from '../tender/guards';
import type { Actor } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import { compliantBids, hasSubmitted, standingBids } from '../tender/bids-under-evaluation';

/** The token proves an `evaluator` of the buyer's organisation: a user id alone proves nothing. */
export function requireBuyerEvaluator(tender: ExistingTender, actor: Actor, action: string): void {
  requireRole(actor, 'evaluator', action);
  if (actor.organisationId !== tender.buyerOrganisationId) {
    throw new DomainError(
      'NOT_YOUR_ORGANISATION',
      `Only evaluators of the buyer organisation may ${action}`,
      { evaluatorId: actor.userId },
    );
  }
}

/**
 * A member of the panel that counts: appointed, accepted, and acting now with a token of an
 * evaluator of the buyer. Checked at every evaluator action, reads included.
 */
export function requirePanelMember(tender: ExistingTender, actor: Actor, action: string): void {
  requireBuyerEvaluator(tender, actor, action);
  const { appointed, panel } = tender.evaluation;
  if (panel.includes(actor.userId)) return;
  if (appointed.includes(actor.userId)) {
    throw new DomainError(
      'PANEL_MEMBERSHIP_NOT_ACCEPTED',
      `You are appointed to this tender's evaluation panel but have not accepted the seat, so you cannot ${action}`,
      { evaluatorId: actor.userId },
    );
  }
  throw new DomainError(
    'NOT_ON_PANEL',
    `You are not on this tender's evaluation panel, so you cannot ${action}`,
    { evaluatorId: actor.userId },
  );
}

/** A panel member acting while the tender is in evaluation. */
export function requirePanelEvaluator(
  view: TenderView,
  actor: Actor,
  action: string,
): ExistingTender {
  const tender = requireTender(view.tender);
  requirePanelMember(tender, actor, action);
  requireStage(tender, ['evaluation'], action);
  return tender;
}

export function requireStandingBid(view: TenderView, supplierId: string): void {
  if (!standingBids(view).includes(supplierId)) {
    throw new DomainError(
      'BID_NOT_FOUND',
      `There is no opened, standing bid from ${supplierId} on this tender`,
      {
        supplierId,
      },
    );
  }
}

export function requireCompliantBid(view: TenderView, supplierId: string): void {
  requireStandingBid(view, supplierId);
  if (!compliantBids(view).includes(supplierId)) {
    const decided = Object.hasOwn(view.tender.evaluation.compliance, supplierId);
    throw new DomainError(
      'BID_NOT_COMPLIANT',
      decided
        ? `The bid from ${supplierId} was excluded at compliance, so it is not evaluated`
        : `No compliance decision has been recorded on the bid from ${supplierId} yet`,
      { supplierId },
    );
  }
}

/** Compliance and the panel are fixed once any evaluator has submitted in the round. */
export function requireNoSubmissions(view: TenderView, action: string): void {
  const submitted = view.tender.evaluation.panel.filter((evaluatorId) =>
    hasSubmitted(view, evaluatorId),
  );
  if (submitted.length > 0) {
    throw new DomainError(
      'EVALUATION_UNDER_WAY',
      `Cannot ${action}: ${submitted.join(', ')} already submitted scores in round ${view.tender.evaluation.round} against the current compliance decisions and panel`,
      { submitted, round: view.tender.evaluation.round },
    );
  }
}
