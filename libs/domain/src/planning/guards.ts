import { DomainError } from '../shared/domain-error';
import { requireBuyerOfficer, requireStage, type OpenedTender } from '../tender/guards';
import type { PlanningState } from '../tender/planning-state';
import type { TenderState } from '../tender/state';
import type { Actor } from '../shared/actor';

export type PlannedTender = OpenedTender & { planning: PlanningState };

/** Stages before the notice: the planning record may still change. */
export const BEFORE_NOTICE = ['planning', 'draft'] as const;

/** A tender opened as a procurement, acted on by an officer of its buyer, before its notice. */
export function requirePlanning(state: TenderState, actor: Actor, action: string): PlannedTender {
  if (!state.planning || !state.tenderId || !state.buyerOrganisationId) {
    throw new DomainError(
      'TENDER_NOT_FOUND',
      'There is no such procurement (a tender drafted without a planning record has none)',
    );
  }
  const tender = state as PlannedTender;
  requireBuyerOfficer(tender, actor, action);
  requireStage(tender, BEFORE_NOTICE, action);
  return tender;
}
