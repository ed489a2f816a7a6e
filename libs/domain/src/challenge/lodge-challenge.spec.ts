import { contractDecider } from '../contract/decide';
import { given } from '../shared/testing';
import {
  ACME,
  after,
  BETA,
  CEDAR,
  fullyEvaluated,
  inStandstill,
  STANDSTILL_ENDS_AT,
  thirdSupplier,
} from '../testing/evaluation-fixtures';
import { officer, otherSupplier, supplier } from '../testing/notice-fixtures';
import type { ChallengeCommand } from './commands';
import { challengeDecider } from './decide';

const LODGED_AT = '2025-04-16T10:00:00.000Z';
const TEXT = 'Our price was scored against a lower price that was later excluded';
const lodge = (
  extra: Partial<Extract<ChallengeCommand, { type: 'LodgeChallenge' }>> = {},
): ChallengeCommand => ({
  type: 'LodgeChallenge',
  actor: otherSupplier,
  now: new Date(LODGED_AT),
  challengeId: 'ch-1',
  grounds: ['evaluation-error', 'unequal-treatment'],
  text: TEXT,
  ...extra,
});

describe('LodgeChallenge (rule 7)', () => {
  const standstill = inStandstill();

  it('a bidder’s challenge in standstill suspends the award at once', () => {
    given(challengeDecider, standstill)
      .when(lodge({ text: `  ${TEXT} ` }))
      .then([
        {
          type: 'ChallengeLodged',
          data: {
            challengeId: 'ch-1',
            supplierId: BETA,
            grounds: ['evaluation-error', 'unequal-treatment'],
            text: TEXT,
            lodgedAt: LODGED_AT,
            round: 1,
          },
        },
        { type: 'AwardSuspended', data: { challengeId: 'ch-1', suspendedAt: LODGED_AT, round: 1 } },
      ]);
  });

  it('an excluded bidder may challenge its exclusion', () => {
    const history = inStandstill(
      fullyEvaluated({ bids: [ACME, BETA, { supplierId: CEDAR, exclusion: {} }] }),
    );
    const [lodged] = given(challengeDecider, history)
      .when(lodge({ actor: thirdSupplier, grounds: ['wrongful-exclusion'] }))
      .then([
        expect.objectContaining({ type: 'ChallengeLodged' }),
        expect.objectContaining({ type: 'AwardSuspended' }),
      ] as never);
    expect(lodged.data).toMatchObject({ supplierId: CEDAR, grounds: ['wrongful-exclusion'] });
  });

  it('the contract cannot be concluded while it is open: AWARD_SUSPENDED', () => {
    given(contractDecider, after(challengeDecider, standstill, lodge()))
      .when({
        type: 'ConcludeContract',
        actor: officer,
        now: new Date('2025-05-01T09:00:00.000Z'),
        contractId: 'c-1',
        value: { amount: 200_000, currency: 'GBP' },
        period: { startDate: '2025-05-01', endDate: '2027-04-30' },
      })
      .thenFails('AWARD_SUSPENDED', { challenges: ['ch-1'] });
  });

  it('the same challenge sent again records nothing; its id for another is refused: CHALLENGE_ID_REUSED', () => {
    const lodged = after(challengeDecider, standstill, lodge());
    given(challengeDecider, lodged).when(lodge()).then([]);
    given(challengeDecider, lodged)
      .when(lodge({ text: 'A different complaint about how the same award was scored' }))
      .thenFails('CHALLENGE_ID_REUSED', { challengeId: 'ch-1' });
    given(challengeDecider, lodged)
      .when(lodge({ actor: supplier }))
      .thenFails('CHALLENGE_ID_REUSED', { challengeId: 'ch-1' });
  });

  it('only a supplier whose bid was opened: NOT_A_BIDDER', () => {
    given(challengeDecider, standstill)
      .when(lodge({ actor: thirdSupplier }))
      .thenFails('NOT_A_BIDDER', { supplierId: CEDAR });
  });

  it('only during the standstill: CHALLENGE_OUT_OF_TIME', () => {
    given(challengeDecider, standstill)
      .when(lodge({ now: new Date(STANDSTILL_ENDS_AT) }))
      .thenFails('CHALLENGE_OUT_OF_TIME', { stage: 'standstill', endsAt: STANDSTILL_ENDS_AT });
    given(challengeDecider, standstill)
      .when(lodge({ now: new Date(Date.parse(STANDSTILL_ENDS_AT) - 1) }))
      .then([
        expect.objectContaining({ type: 'ChallengeLodged' }),
        expect.objectContaining({ type: 'AwardSuspended' }),
      ] as never);
    given(challengeDecider, fullyEvaluated())
      .when(lodge())
      .thenFails('CHALLENGE_OUT_OF_TIME', { stage: 'evaluation', endsAt: null });
  });

  it.each([
    ['no grounds', { grounds: [] }],
    ['an unknown ground', { grounds: ['bad-vibes'] }],
    ['a ground twice', { grounds: ['evaluation-error', 'evaluation-error'] }],
    ['a one-word text', { text: 'Unfair.' }],
    [
      'a sentence pasted twice',
      {
        text: 'The scoring was unfair to us. The scoring was unfair to us. The scoring was unfair.',
      },
    ],
  ])('refuses %s: INVALID_CHALLENGE', (_case, extra) => {
    given(challengeDecider, standstill).when(lodge(extra)).thenFails('INVALID_CHALLENGE');
  });

  it('only suppliers lodge challenges', () => {
    given(challengeDecider, standstill)
      .when(lodge({ actor: officer }))
      .thenFails('ROLE_NOT_ALLOWED', { allowed: ['supplier'] });
    given(challengeDecider, []).when(lodge()).thenFails('TENDER_NOT_FOUND');
  });
});
