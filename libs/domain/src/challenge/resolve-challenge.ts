import type { EvaluationReopened } from '../tender/events/evaluation';
import type { TenderView } from '../tender/tender-view';
import type { TenderCancelled } from '../tender/events/notice';
import { requireRole, requireOpenedTender } from '../tender/guards';
import { DomainError } from '../shared/domain-error';
import {
  isSubstantiveText,
  substantiveTextProblem,
  SUBSTANTIVE_TEXT_RULE,
} from '../shared/substantive-text';
import type { ChallengeCommand } from './commands';
import type { AwardSuspensionLifted, ChallengeResolved } from '../tender/events/challenge';
import {
  CHALLENGE_OUTCOMES,
  CHALLENGE_REMEDIES,
  type ChallengeOutcome,
  type ChallengeRemedy,
} from '../tender/challenge-grounds';

type Resolution = (
  ChallengeResolved | AwardSuspensionLifted | EvaluationReopened | TenderCancelled
)[];

/**
 * Legal records how a challenge ended. Dismissed or withdrawn: once no challenge of the award is
 * open, the suspension lifts. Upheld: the award falls, and the tender goes back to evaluation or is
 * cancelled, with the reason on the record.
 */
export function resolveChallenge(
  command: Extract<ChallengeCommand, { type: 'ResolveChallenge' }>,
  view: TenderView,
): Resolution {
  const tender = requireOpenedTender(view.tender);
  requireRole(command.actor, 'legal', 'record the outcome of a challenge');
  // `legal` acts for its own contracting authority; cross-authority oversight is the auditor's, who writes nothing.
  if (command.actor.organisationId !== tender.buyerOrganisationId) {
    throw new DomainError(
      'NOT_YOUR_ORGANISATION',
      'Only legal of the buyer organisation may record the outcome of a challenge to its award',
      { organisationId: command.actor.organisationId },
    );
  }
  const { challengeId, outcome, remedy, reason } = command;
  if (!Object.hasOwn(tender.challenges, challengeId)) {
    throw new DomainError(
      'CHALLENGE_NOT_FOUND',
      `There is no challenge ${challengeId} on this tender`,
      { challengeId },
    );
  }
  const challenge = tender.challenges[challengeId];
  if (challenge.outcome !== undefined) {
    throw new DomainError(
      'CHALLENGE_ALREADY_RESOLVED',
      `Challenge ${challengeId} was already ${challenge.outcome} on ${challenge.resolvedAt}`,
      {
        challengeId,
        outcome: challenge.outcome,
      },
    );
  }
  const validOutcome = (CHALLENGE_OUTCOMES as readonly string[]).includes(outcome);
  const validRemedy =
    outcome === 'upheld'
      ? (CHALLENGE_REMEDIES as readonly unknown[]).includes(remedy)
      : remedy === undefined;
  if (!validOutcome || !validRemedy) {
    throw new DomainError(
      'INVALID_CHALLENGE',
      `The outcome is one of ${CHALLENGE_OUTCOMES.join(', ')}; an upheld challenge also names its remedy (${CHALLENGE_REMEDIES.join(', ')}), the others none`,
      { outcome, remedy: remedy ?? null },
    );
  }
  if (!isSubstantiveText(reason)) {
    throw new DomainError(
      'REASON_REQUIRED',
      `The outcome of a challenge needs a reason of ${SUBSTANTIVE_TEXT_RULE}`,
      { field: 'reason', problem: substantiveTextProblem(reason) },
    );
  }
  const resolvedAt = command.now.toISOString();
  const resolved: ChallengeResolved = {
    type: 'ChallengeResolved',
    data: {
      challengeId,
      outcome: outcome as ChallengeOutcome,
      ...(remedy === undefined ? {} : { remedy: remedy as ChallengeRemedy }),
      reason: reason.trim(),
      resolvedAt,
      resolvedBy: command.actor.userId,
    },
  };
  const award = tender.award.awarded;
  const againstCurrentAward =
    tender.stage === 'standstill' && award !== undefined && award.round === challenge.round;
  if (!againstCurrentAward) return [resolved];
  if (outcome === 'upheld' && remedy === 're-evaluate') {
    const round = tender.evaluation.round + 1;
    return [
      resolved,
      {
        type: 'EvaluationReopened',
        data: { round, reason: reason.trim(), challengeId, reopenedAt: resolvedAt },
      },
    ];
  }
  if (outcome === 'upheld') {
    return [
      resolved,
      {
        type: 'TenderCancelled',
        data: {
          reason: `Challenge ${challengeId} upheld: ${reason.trim()}`,
          cancelledAt: resolvedAt,
          stage: tender.stage,
        },
      },
    ];
  }
  const stillOpen = Object.values(tender.challenges).filter(
    (other) =>
      other.challengeId !== challengeId &&
      other.outcome === undefined &&
      other.round === challenge.round,
  );
  if (stillOpen.length > 0) return [resolved];
  return [
    resolved,
    { type: 'AwardSuspensionLifted', data: { liftedAt: resolvedAt, round: challenge.round } },
  ];
}
