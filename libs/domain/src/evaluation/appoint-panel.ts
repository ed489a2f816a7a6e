import type { TenderView } from '../tender/tender-view';
import { requireBuyerOfficer, requireStage, requireTender } from '../tender/guards';
import { DomainError } from '../shared/domain-error';
import type { EvaluationCommand } from './commands';
import type { EvaluationPanelAppointed } from '../tender/events/evaluation';
import { requireNoSubmissions } from './guards';
import { minimumPanel } from '../tender/rule-violations';

type AppointPanel = Extract<EvaluationCommand, { type: 'AppointPanel' }>;

/**
 * The panel that must score every compliant bid: at least 2, and as many as the notice says (rule 3).
 * The appointment names user ids; there is no user directory, so it binds a member only when that
 * member accepts with its own token (`acceptPanelMembership`).
 */
export function appointPanel(command: AppointPanel, view: TenderView): EvaluationPanelAppointed[] {
  const tender = requireTender(view.tender);
  requireBuyerOfficer(tender, command.actor, 'appoint the evaluation panel');
  requireStage(tender, ['evaluation'], 'appoint the evaluation panel');
  const ids = command.evaluatorIds;
  const valid = Array.isArray(ids) && ids.every((id) => typeof id === 'string' && id.trim() !== '');
  if (!valid || new Set(ids).size !== ids.length) {
    throw new DomainError('INVALID_PANEL', 'The panel must list distinct evaluator user ids', {
      evaluatorIds: ids,
    });
  }
  if (ids.includes(command.actor.userId)) {
    throw new DomainError(
      'INVALID_PANEL',
      'The officer appointing the panel cannot sit on it: the people running the procurement do not score it',
      { evaluatorId: command.actor.userId },
    );
  }
  const required = minimumPanel(tender.notice.terms.evaluatorCount);
  if (ids.length < required) {
    throw new DomainError(
      'PANEL_TOO_SMALL',
      `The panel has ${ids.length} evaluator(s); the notice requires ${required}`,
      { appointed: ids.length, required },
    );
  }
  const current = tender.evaluation.appointed;
  if (current.length === ids.length && current.every((id, index) => id === ids[index])) return [];
  requireNoSubmissions(view, 'change the panel');
  return [
    {
      type: 'EvaluationPanelAppointed',
      data: {
        evaluatorIds: [...ids],
        appointedAt: command.now.toISOString(),
        appointedBy: command.actor.userId,
        round: tender.evaluation.round,
        acceptanceRequired: true,
      },
    },
  ];
}
