import { challengeDecider } from '../challenge/decide';
import { SCHEDULER_ACTOR, type CommandActor } from '../shared/actor';
import { given } from '../shared/testing';
import {
  ACME,
  after,
  fullyEvaluated,
  inStandstill,
  STANDSTILL_ENDS_AT,
} from '../testing/evaluation-fixtures';
import { foreignOfficer, officer, otherSupplier } from '../testing/notice-fixtures';
import type { AwardCommand } from './commands';
import { awardDecider } from './decide';

const end = (now: string, actor: CommandActor = SCHEDULER_ACTOR): AwardCommand => ({
  type: 'EndStandstill',
  actor,
  now: new Date(now),
});
const ended = (endedAt: string, openChallenges = 0) => ({
  type: 'StandstillEnded' as const,
  data: { endedAt, endsAt: STANDSTILL_ENDS_AT, openChallenges, round: 1 },
});

describe('EndStandstill (rule 7)', () => {
  const standstill = inStandstill();

  it('records the end of the standstill once it has run', () => {
    given(awardDecider, standstill)
      .when(end(STANDSTILL_ENDS_AT))
      .then([ended(STANDSTILL_ENDS_AT)]);
  });

  it('refuses before the period ends: DEADLINE_NOT_REACHED', () => {
    const early = new Date(Date.parse(STANDSTILL_ENDS_AT) - 1).toISOString();
    given(awardDecider, standstill)
      .when(end(early))
      .thenFails('DEADLINE_NOT_REACHED', { endsAt: STANDSTILL_ENDS_AT });
  });

  it('is idempotent: once recorded, or with no standstill running, nothing happens', () => {
    const later = '2025-04-28T09:00:00.000Z';
    given(awardDecider, [...standstill, ended(STANDSTILL_ENDS_AT)])
      .when(end(later))
      .then([]);
    given(awardDecider, fullyEvaluated()).when(end(later)).then([]);
  });

  it('counts the challenges of this award still open', () => {
    const challenged = after(challengeDecider, standstill, {
      type: 'LodgeChallenge',
      actor: otherSupplier,
      now: new Date('2025-04-16T10:00:00.000Z'),
      challengeId: 'ch-1',
      grounds: ['evaluation-error'],
      text: 'The price of our bid was scored against the wrong lowest price',
    });
    given(awardDecider, challenged)
      .when(end(STANDSTILL_ENDS_AT))
      .then([ended(STANDSTILL_ENDS_AT, 1)]);
  });

  it('an officer of the buyer may record it too, nobody else', () => {
    given(awardDecider, standstill)
      .when(end(STANDSTILL_ENDS_AT, officer))
      .then([ended(STANDSTILL_ENDS_AT)]);
    given(awardDecider, standstill)
      .when(end(STANDSTILL_ENDS_AT, foreignOfficer))
      .thenFails('NOT_YOUR_ORGANISATION');
    given(awardDecider, standstill)
      .when(end(STANDSTILL_ENDS_AT, { userId: 'u-sam', organisationId: ACME, role: 'supplier' }))
      .thenFails('ROLE_NOT_ALLOWED');
  });
});
