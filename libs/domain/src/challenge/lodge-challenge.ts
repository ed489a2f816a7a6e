import { standingBids } from '../tender/bids-under-evaluation';
import type { TenderView } from '../tender/tender-view';
import { requireRole, requireOpenedTender } from '../tender/guards';
import { DomainError } from '../shared/domain-error';
import {
  isSubstantiveText,
  substantiveTextProblem,
  SUBSTANTIVE_TEXT_RULE,
} from '../shared/substantive-text';
import type { ChallengeCommand } from './commands';
import type { AwardSuspended, ChallengeLodged } from '../tender/events/challenge';
import { CHALLENGE_GROUNDS, isChallengeGround } from '../tender/challenge-grounds';

/**
 * A bidder challenges the award during the standstill; the award is suspended at once and stays
 * suspended until the challenge is resolved (PA 2023 s.101; docs/rules.md#standstill-and-challenge).
 */
export function lodgeChallenge(
  command: Extract<ChallengeCommand, { type: 'LodgeChallenge' }>,
  view: TenderView,
): (ChallengeLodged | AwardSuspended)[] {
  const tender = requireOpenedTender(view.tender);
  requireRole(command.actor, 'supplier', 'challenge an award');
  const supplierId = command.actor.organisationId;
  const { challengeId, grounds, text } = command;
  // A direct award planned as such had no bids: any supplier other than the one awarded may
  // challenge it (PA 2023 s.100: a supplier that suffers or risks suffering loss).
  const plannedDirect = tender.planning?.plan.route.kind === 'direct-award';
  const mayChallenge = plannedDirect
    ? supplierId !== tender.award.awarded?.supplierId
    : standingBids(view).includes(supplierId);
  if (!mayChallenge) {
    throw new DomainError(
      'NOT_A_BIDDER',
      'Only a supplier whose bid was opened on this tender may challenge its award',
      {
        supplierId,
      },
    );
  }
  if (Object.hasOwn(tender.challenges, challengeId)) {
    const earlier = tender.challenges[challengeId];
    if (earlier.supplierId === supplierId && earlier.text === text.trim()) return [];
    throw new DomainError(
      'CHALLENGE_ID_REUSED',
      `Challenge id ${challengeId} is already used by another challenge`,
      {
        challengeId,
      },
    );
  }
  const standstill = tender.award.awarded?.standstill;
  if (
    tender.stage !== 'standstill' ||
    !standstill ||
    command.now.getTime() >= Date.parse(standstill.endsAt)
  ) {
    throw new DomainError(
      'CHALLENGE_OUT_OF_TIME',
      standstill && tender.stage === 'standstill'
        ? `The standstill ended at ${standstill.endsAt}; a challenge now does not suspend the award`
        : `An award can be challenged only during its standstill; the tender is ${tender.stage}`,
      { stage: tender.stage, endsAt: standstill?.endsAt ?? null },
    );
  }
  const validGrounds =
    Array.isArray(grounds) && grounds.length > 0 && grounds.every(isChallengeGround);
  if (!validGrounds || new Set(grounds).size !== grounds.length || !isSubstantiveText(text)) {
    throw new DomainError(
      'INVALID_CHALLENGE',
      `A challenge needs one or more distinct grounds (${CHALLENGE_GROUNDS.join(', ')}) and a text of ${SUBSTANTIVE_TEXT_RULE}`,
      {
        grounds,
        allowed: [...CHALLENGE_GROUNDS],
        ...(isSubstantiveText(text) ? {} : { problem: substantiveTextProblem(text) }),
      },
    );
  }
  const lodgedAt = command.now.toISOString();
  return [
    {
      type: 'ChallengeLodged',
      data: {
        challengeId,
        supplierId,
        grounds: [...grounds].filter(isChallengeGround),
        text: text.trim(),
        lodgedAt,
        round: standstill.round,
      },
    },
    {
      type: 'AwardSuspended',
      data: { challengeId, suspendedAt: lodgedAt, round: standstill.round },
    },
  ];
}
