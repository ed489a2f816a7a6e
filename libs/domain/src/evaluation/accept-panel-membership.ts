import type { TenderView } from '../tender/tender-view';
import { requireStage, requireTender } from '../tender/guards';
import { DomainError } from '../shared/domain-error';
import type { EvaluationCommand } from './commands';
import type { PanelMembershipAccepted } from '../tender/events/evaluation';
import { requireBuyerEvaluator } from './guards';

type AcceptPanelMembership = Extract<EvaluationCommand, { type: 'AcceptPanelMembership' }>;

/**
 * An appointed member takes up its seat. The token is the proof: its user id is on the appointment,
 * its role is `evaluator` and its organisation is the buyer's. A supplier's user, an officer, an
 * evaluator of another authority or an id nobody holds a token for can never accept, so never counts.
 */
export function acceptPanelMembership(
  command: AcceptPanelMembership,
  view: TenderView,
): PanelMembershipAccepted[] {
  const tender = requireTender(view.tender);
  const { actor } = command;
  requireBuyerEvaluator(tender, actor, 'accept a seat on the evaluation panel');
  requireStage(tender, ['evaluation'], 'accept a seat on the evaluation panel');
  const { appointed, panel, round } = tender.evaluation;
  if (!appointed.includes(actor.userId)) {
    throw new DomainError(
      'NOT_ON_PANEL',
      `You (${actor.userId}) are not appointed to this tender's evaluation panel`,
      { evaluatorId: actor.userId },
    );
  }
  if (panel.includes(actor.userId)) return [];
  return [
    {
      type: 'PanelMembershipAccepted',
      data: {
        evaluatorId: actor.userId,
        organisationId: actor.organisationId,
        acceptedAt: command.now.toISOString(),
        round,
      },
    },
  ];
}
