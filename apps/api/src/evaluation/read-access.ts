import { DomainError, type Actor, type TenderState } from '@fairtender/domain';

/** Legal and oversight read every tender (DESIGN §1). */
export const readsEveryTender = (actor: Actor) =>
  actor.role === 'legal' || actor.role === 'auditor';

/**
 * The tender exists for this reader: a draft is no tender to anyone but its buyer, legal and oversight
 * (as the notices say); an officer of another authority is refused, and the refusal recorded.
 */
export function assertBuyerOrOversight(tender: TenderState, tenderId: string, actor: Actor): void {
  const ownBuyer = tender.buyerOrganisationId === actor.organisationId;
  if (
    tender.stage === 'none' ||
    (tender.stage === 'draft' && !ownBuyer && !readsEveryTender(actor))
  ) {
    throw new DomainError('TENDER_NOT_FOUND', `No tender ${tenderId}`, { tenderId });
  }
  if (readsEveryTender(actor)) return;
  if (actor.role !== 'officer' && actor.role !== 'evaluator') {
    throw new DomainError('ROLE_NOT_ALLOWED', `A ${actor.role} may not read this`, {
      role: actor.role,
    });
  }
  if (!ownBuyer) {
    throw new DomainError(
      'NOT_YOUR_ORGANISATION',
      `Tender ${tenderId} belongs to another contracting authority`,
      { tenderId },
    );
  }
}
