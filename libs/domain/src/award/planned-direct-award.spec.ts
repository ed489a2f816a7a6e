import { given } from '../shared/testing';
import { officer, otherSupplier, supplier } from '../testing/notice-fixtures';
import {
  assessed,
  declaration,
  directRoute,
  opened,
  PILOT_SUPPLIER,
  plan,
} from '../testing/planning-fixtures';
import type { TenderEvent } from '../tender/tender-events';
import type { TenderViewEvent } from '../tender/tender-view';
import { challengeDecider } from '../challenge/decide';
import { contractDecider } from '../contract/decide';
import type { AwardCommand } from './commands';
import { awardDecider } from './decide';
import { DEFAULT_STANDSTILL_RULES } from './standstill';

const VALUE = { amount: 300_000, currency: 'GBP' };
const WHY = 'The current cameras fail in June and no other supplier can deliver by then';
/** Published on Thursday 10 April 2025; the award notice on Tuesday 15 April. */
const NOTICE_AT = '2025-04-10T09:00:00.000Z';
const AWARD_AT = new Date('2025-04-15T09:00:00.000Z');

const planned: TenderEvent[] = [
  opened(plan({ route: directRoute, estimatedValue: VALUE })),
  assessed([declaration(officer.userId, 'author')]),
];
const noticed: TenderEvent[] = [
  ...planned,
  {
    type: 'TransparencyNoticePublished',
    data: {
      ground: 'extreme-urgency',
      groundReference: 'Extreme and unavoidable urgency (PA 2023 Sch. 5, urgency)',
      justification: WHY,
      supplierId: PILOT_SUPPLIER,
      value: VALUE,
      publishedBy: officer.userId,
      publishedAt: NOTICE_AT,
    },
  },
];
const award = (
  overrides: Partial<Extract<AwardCommand, { type: 'ProposeDirectAward' }>> = {},
): AwardCommand => ({
  type: 'ProposeDirectAward',
  actor: officer,
  now: AWARD_AT,
  supplierId: PILOT_SUPPLIER,
  ground: 'extreme-urgency',
  justification: WHY,
  standstillRules: DEFAULT_STANDSTILL_RULES,
  ...overrides,
});
const decided = (history: TenderEvent[], command: AwardCommand) =>
  awardDecider.decide(command, history.reduce(awardDecider.evolve, awardDecider.initialState()));

describe('a procurement planned as a direct award (PA 2023 s.41, Sch. 5, s.44, s.51)', () => {
  it('the contract award notice follows the transparency notice; the standstill starts with the award notice', () => {
    const events = given(awardDecider, noticed as TenderViewEvent[])
      .when(award())
      .then([
        {
          type: 'AwardProposed',
          data: {
            supplierId: PILOT_SUPPLIER,
            round: 1,
            ranking: [{ supplierId: PILOT_SUPPLIER, rank: 1, total: 0, price: VALUE, scores: {} }],
            topRanked: [PILOT_SUPPLIER],
            departures: ['direct-award'],
            directAward: { ground: 'extreme-urgency', justification: WHY },
            proposedBy: officer.userId,
            proposedAt: AWARD_AT.toISOString(),
          },
        },
        expect.objectContaining({ type: 'StandstillStarted' }),
      ] as never);
    // 8 working days beginning with the day of the award notice, not the transparency notice's:
    // Tue 15 Apr 2025, then Good Friday (18th) and Easter Monday (21st) are not counted.
    expect(events[1].data).toMatchObject({
      startsAt: AWARD_AT.toISOString(),
      countedDays: [
        '2025-04-15',
        '2025-04-16',
        '2025-04-17',
        '2025-04-22',
        '2025-04-23',
        '2025-04-24',
        '2025-04-25',
        '2025-04-28',
      ],
      endsAt: '2025-04-28T23:00:00.000Z',
    });
  });

  it('not before the transparency notice: TRANSPARENCY_NOTICE_MISSING', () => {
    given(awardDecider, planned as TenderViewEvent[])
      .when(award())
      .thenFails('TRANSPARENCY_NOTICE_MISSING');
  });

  it('only to the supplier and on the ground the notice published: TRANSPARENCY_NOTICE_MISMATCH', () => {
    given(awardDecider, noticed as TenderViewEvent[])
      .when(award({ supplierId: 'org-beta' }))
      .thenFails('TRANSPARENCY_NOTICE_MISMATCH', { noticeSupplierId: PILOT_SUPPLIER });
    given(awardDecider, noticed as TenderViewEvent[])
      .when(award({ ground: 'commodities' }))
      .thenFails('TRANSPARENCY_NOTICE_MISMATCH', { noticeGround: 'extreme-urgency' });
  });

  it('for officers of the buyer, with a real justification', () => {
    given(awardDecider, noticed as TenderViewEvent[])
      .when(award({ actor: supplier }))
      .thenFails('ROLE_NOT_ALLOWED');
    given(awardDecider, noticed as TenderViewEvent[])
      .when(award({ justification: 'Urgent.' }))
      .thenFails('REASON_REQUIRED');
  });

  const awarded = [...noticed, ...decided(noticed, award())] as TenderViewEvent[];

  it('the same challenge and suspension machinery: any other supplier may challenge in the standstill', () => {
    given(challengeDecider, awarded)
      .when({
        type: 'LodgeChallenge',
        actor: otherSupplier,
        now: new Date('2025-04-16T09:00:00.000Z'),
        challengeId: 'c1',
        grounds: ['unequal-treatment'],
        text: 'The urgency was caused by the authority letting the previous contract lapse without planning',
      })
      .then([
        expect.objectContaining({ type: 'ChallengeLodged' }),
        expect.objectContaining({ type: 'AwardSuspended' }),
      ] as never);
    given(challengeDecider, awarded)
      .when({
        type: 'LodgeChallenge',
        actor: { ...supplier, organisationId: PILOT_SUPPLIER },
        now: new Date('2025-04-16T09:00:00.000Z'),
        challengeId: 'c1',
        grounds: ['unequal-treatment'],
        text: 'The awarded supplier cannot challenge its own award in this way at all',
      })
      .thenFails('NOT_A_BIDDER');
  });

  it('the contract is concluded after the standstill, at the notified value', () => {
    const conclude = (now: Date) => ({
      type: 'ConcludeContract' as const,
      actor: officer,
      now,
      contractId: 'k1',
      period: { startDate: '2025-05-01', endDate: '2026-04-30' },
    });
    given(contractDecider, awarded)
      .when(conclude(new Date('2025-04-28T12:00:00.000Z')))
      .thenFails('STANDSTILL_NOT_ENDED');
    const [event] = given(contractDecider, awarded)
      .when(conclude(new Date('2025-04-29T09:00:00.000Z')))
      .then([expect.objectContaining({ type: 'ContractConcluded' })] as never);
    expect(event.data).toMatchObject({ supplierId: PILOT_SUPPLIER, value: VALUE });
  });
});
