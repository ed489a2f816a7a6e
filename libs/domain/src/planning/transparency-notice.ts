import { DomainError } from '../shared/domain-error';
import { DIRECT_AWARD_ROUTE_GROUNDS } from '../tender/direct-award-grounds';
import type { TransparencyNoticePublished } from '../tender/events/planning';
import { requirePlanningGates } from '../tender/planning-rules';
import { requireStage } from '../tender/guards';
import type { TenderState } from '../tender/state';
import type { Command } from './commands';
import { requirePlanning } from './guards';
import { requireMoney, requireSubstantive } from './validate-plan';

/**
 * The transparency notice of a direct award (PA 2023 s.44(1); Procurement Regulations 2024 reg. 26):
 * the ground with the Act's reference, the justification, the supplier and the value. It does not
 * start the standstill: the contract award notice does (s.51(1)), published by ProposeDirectAward.
 * The strategy approval and the conflicts assessment gates hold here too (s.83(1)).
 */
export function publishTransparencyNotice(
  command: Command<'PublishTransparencyNotice'>,
  state: TenderState,
): [TransparencyNoticePublished] {
  const tender = requirePlanning(state, command.actor, 'publish a transparency notice');
  requireStage(tender, ['planning'], 'publish a transparency notice');
  const { route } = tender.planning.plan;
  if (route.kind !== 'direct-award') {
    throw new DomainError(
      'PROCUREMENT_ROUTE_MISMATCH',
      'A transparency notice is for a procurement planned as a direct award; this one is competitive',
      { route },
    );
  }
  if (tender.planning.transparencyNotice) {
    throw new DomainError('ILLEGAL_STAGE', 'The transparency notice has already been published', {
      stage: tender.stage,
      allowed: ['planning'],
    });
  }
  const value = requireMoney(command.value, 'value');
  const justification = requireSubstantive(command.justification, 'justification');
  requirePlanningGates(tender, command.rules, 'transparency-notice', command.actor, value);
  return [
    {
      type: 'TransparencyNoticePublished',
      data: {
        ground: route.ground,
        groundReference: DIRECT_AWARD_ROUTE_GROUNDS[route.ground],
        justification,
        supplierId: route.supplierId,
        value,
        publishedBy: command.actor.userId,
        publishedAt: command.now.toISOString(),
      },
    },
  ];
}
