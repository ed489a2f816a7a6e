import { DomainError } from '../shared/domain-error';
import type { DraftRevised, TenderDrafted } from '../tender/events/notice';
import { requireBuyerOfficer, requireRole, requireStage, requireTender } from '../tender/guards';
import type { Command } from './commands';
import type { TenderState } from '../tender/state';
import { validateTerms } from './validate-terms';
import { requirePlannedProcedure } from '../tender/planning-rules';

/** Tender ids become stream names (`tender-<id>.bid-…`), so they may not contain a dot. */
const TENDER_ID = /^[A-Za-z0-9_-]+$/;

export function draftTender(command: Command<'DraftTender'>, state: TenderState): [TenderDrafted] {
  requireRole(command.actor, 'officer', 'draft a tender');
  if (state.stage === 'planning') return [draftFromProcurement(command, state)];
  if (state.stage !== 'none') {
    throw new DomainError('TENDER_ALREADY_EXISTS', `Tender ${command.tenderId} already exists`, {
      tenderId: command.tenderId,
    });
  }
  if (typeof command.tenderId !== 'string' || !TENDER_ID.test(command.tenderId)) {
    throw new DomainError(
      'INVALID_NOTICE',
      'Invalid notice: tenderId may hold only letters, digits, - and _',
      { field: 'tenderId' },
    );
  }
  // Deadlines are checked against the clock only at publication: a draft may sit for weeks.
  const terms = validateTerms(command.terms);
  return [
    {
      type: 'TenderDrafted',
      data: {
        tenderId: command.tenderId,
        buyerOrganisationId: command.actor.organisationId,
        terms,
        draftedAt: command.now.toISOString(),
      },
    },
  ];
}

/**
 * The notice drafted on a procurement opened before it (docs/planning.md): on the planned
 * competitive route and procedure, by an officer of the same buyer.
 */
function draftFromProcurement(command: Command<'DraftTender'>, state: TenderState): TenderDrafted {
  const planned = state as TenderState & {
    planning: NonNullable<TenderState['planning']>;
    buyerOrganisationId: string;
  };
  requireBuyerOfficer(planned, command.actor, 'draft the tender notice');
  const terms = validateTerms(command.terms);
  requirePlannedProcedure(planned, terms.procedure);
  return {
    type: 'TenderDrafted',
    data: {
      tenderId: command.tenderId,
      buyerOrganisationId: planned.buyerOrganisationId,
      terms,
      draftedAt: command.now.toISOString(),
    },
  };
}

export function reviseDraft(command: Command<'ReviseDraft'>, state: TenderState): [DraftRevised] {
  const tender = requireTender(state);
  requireBuyerOfficer(tender, command.actor, 'revise this draft');
  requireStage(tender, ['draft'], 'revise the draft');
  const terms = validateTerms(command.terms);
  requirePlannedProcedure(tender, terms.procedure);
  return [{ type: 'DraftRevised', data: { terms, revisedAt: command.now.toISOString() } }];
}
