import type { Actor, Role } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import type { NoticeState, TenderStage, TenderState } from './state';
import type { NoticeTerms } from './terms';

/** A tender that has been drafted: the fields every later command relies on are present. */
export type ExistingTender = TenderState & {
  tenderId: string;
  buyerOrganisationId: string;
  notice: NoticeState & { terms: NoticeTerms };
};

export function requireTender(state: TenderState): ExistingTender {
  if (
    state.stage === 'none' ||
    !state.tenderId ||
    !state.buyerOrganisationId ||
    !state.notice.terms
  ) {
    throw new DomainError('TENDER_NOT_FOUND', 'There is no such tender');
  }
  return state as ExistingTender;
}

/**
 * A tender opened or drafted, with or without notice terms: the post-award commands, which a direct
 * award planned as such also reaches without any notice (docs/planning.md#direct-award).
 */
export type OpenedTender = TenderState & { tenderId: string; buyerOrganisationId: string };

export function requireOpenedTender(state: TenderState): OpenedTender {
  if (state.stage === 'none' || !state.tenderId || !state.buyerOrganisationId) {
    throw new DomainError('TENDER_NOT_FOUND', 'There is no such tender');
  }
  if (!state.notice.terms && !state.planning) {
    throw new DomainError('TENDER_NOT_FOUND', 'There is no such tender');
  }
  return state as OpenedTender;
}

export function requireRole(actor: Actor, role: Role, action: string): void {
  if (actor.role !== role) {
    throw new DomainError(
      'ROLE_NOT_ALLOWED',
      `Only a ${role} may ${action}; you act as ${actor.role}`,
      { role: actor.role, allowed: [role] },
    );
  }
}

/** An officer of the contracting authority that drafted the tender. */
export function requireBuyerOfficer(
  tender: { buyerOrganisationId: string },
  actor: Actor,
  action: string,
): void {
  requireRole(actor, 'officer', action);
  if (actor.organisationId !== tender.buyerOrganisationId) {
    throw new DomainError(
      'NOT_YOUR_ORGANISATION',
      `Only officers of the buyer organisation may ${action}`,
    );
  }
}

export function requireStage(
  tender: TenderState,
  allowed: readonly TenderStage[],
  action: string,
): void {
  if (!allowed.includes(tender.stage)) {
    throw new DomainError(
      'ILLEGAL_STAGE',
      `Cannot ${action}: the tender is ${tender.stage} (allowed when ${allowed.join(' or ')})`,
      { stage: tender.stage, allowed: [...allowed] },
    );
  }
}

/** Rejects an empty or blank reason, answer or question: the record must say why and what. */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DomainError('INVALID_NOTICE', `Invalid notice: ${field} must not be empty`, {
      field,
    });
  }
  return value;
}
