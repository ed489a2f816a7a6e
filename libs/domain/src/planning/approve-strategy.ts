import { DomainError } from '../shared/domain-error';
import type { StrategyApproved } from '../tender/events/planning';
import type { TenderState } from '../tender/state';
import type { Command } from './commands';
import { requirePlanning } from './guards';
import { requireSubstantive } from './validate-plan';

/**
 * The strategy approved by an officer other than its author, holding the approver permission
 * (issue 14: the real case's strategy was never signed off by the body that had to approve it).
 * It approves the route and value as they stand now.
 */
export function approveStrategy(
  command: Command<'ApproveStrategy'>,
  state: TenderState,
): [StrategyApproved] {
  const tender = requirePlanning(state, command.actor, 'approve the procurement strategy');
  const { planning } = tender;
  if (!command.rules.strategyApprovers.includes(command.actor.userId)) {
    throw new DomainError(
      'APPROVER_PERMISSION_REQUIRED',
      'Only an officer holding the strategy-approver permission may approve a procurement strategy',
      { userId: command.actor.userId },
    );
  }
  if (command.actor.userId === planning.openedBy) {
    throw new DomainError(
      'STRATEGY_SELF_APPROVAL',
      'The strategy must be approved by an officer other than its author',
      { author: planning.openedBy },
    );
  }
  return [
    {
      type: 'StrategyApproved',
      data: {
        approvedBy: command.actor.userId,
        approvedAt: command.now.toISOString(),
        reasons: requireSubstantive(command.reasons, 'reasons'),
        route: planning.plan.route,
        estimatedValue: { ...planning.plan.estimatedValue },
      },
    },
  ];
}
