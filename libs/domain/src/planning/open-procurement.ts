import { DomainError } from '../shared/domain-error';
import { requireRole } from '../tender/guards';
import type { ProcurementOpened, ProcurementPlanRevised } from '../tender/events/planning';
import type { TenderState } from '../tender/state';
import type { Command } from './commands';
import { requirePlanning } from './guards';
import {
  requireMoney,
  requireSubstantive,
  validateAppraisal,
  validateRoute,
  validatePlan,
} from './validate-plan';

const TENDER_ID = /^[A-Za-z0-9_-]+$/;

/** Opens the tender stream with the procurement plan: stage `planning` (docs/decisions/0009). */
export function openProcurement(
  command: Command<'OpenProcurement'>,
  state: TenderState,
): [ProcurementOpened] {
  requireRole(command.actor, 'officer', 'open a procurement');
  if (state.stage !== 'none') {
    throw new DomainError('TENDER_ALREADY_EXISTS', `Tender ${command.tenderId} already exists`, {
      tenderId: command.tenderId,
    });
  }
  if (typeof command.tenderId !== 'string' || !TENDER_ID.test(command.tenderId)) {
    throw new DomainError(
      'INVALID_PROCUREMENT',
      'Invalid procurement: tenderId may hold only letters, digits, - and _',
      {
        field: 'tenderId',
      },
    );
  }
  const plan = validatePlan(command.plan);
  return [
    {
      type: 'ProcurementOpened',
      data: {
        tenderId: command.tenderId,
        buyerOrganisationId: command.actor.organisationId,
        ...plan,
        openedBy: command.actor.userId,
        openedAt: command.now.toISOString(),
      },
    },
  ];
}

/**
 * Revises the plan before the notice. A new route or a higher value lapses the approval (see
 * `standingApproval`): the event says what changed, the gate decides what that means.
 */
export function reviseProcurementPlan(
  command: Command<'ReviseProcurementPlan'>,
  state: TenderState,
): [ProcurementPlanRevised] {
  const tender = requirePlanning(state, command.actor, 'revise the procurement plan');
  const { plan } = tender.planning;
  const { changes } = command;
  const route = changes.route ? validateRoute(changes.route, plan.jurisdiction) : undefined;
  const revised = {
    ...(changes.need !== undefined ? { need: requireSubstantive(changes.need, 'need') } : {}),
    ...(changes.estimatedValue
      ? { estimatedValue: requireMoney(changes.estimatedValue, 'estimatedValue') }
      : {}),
    ...(route ? { route } : {}),
    ...(changes.optionsAppraisal || route
      ? {
          optionsAppraisal: validateAppraisal(
            changes.optionsAppraisal ?? plan.optionsAppraisal,
            route ?? plan.route,
          ),
        }
      : {}),
  };
  if (Object.keys(revised).length === 0) {
    throw new DomainError(
      'INVALID_PROCUREMENT',
      'Invalid procurement: the revision changes nothing',
      {
        field: 'changes',
      },
    );
  }
  if (route && state.stage === 'draft' && route.kind === 'direct-award') {
    throw new DomainError(
      'PROCUREMENT_ROUTE_MISMATCH',
      'A tender notice has been drafted: cancel it before planning a direct award',
      { route },
    );
  }
  return [
    {
      type: 'ProcurementPlanRevised',
      data: {
        ...revised,
        reason: requireSubstantive(command.reason, 'reason'),
        revisedBy: command.actor.userId,
        revisedAt: command.now.toISOString(),
      },
    },
  ];
}
