import { given } from '../shared/testing';
import {
  ACME,
  after,
  AWARD_AT,
  AWARD_NOW,
  BETA,
  CEDAR,
  declared,
  EVA,
  EVAN,
  fullyEvaluated,
  inStandstill,
  proposeAward,
} from '../testing/evaluation-fixtures';
import { foreignOfficer, officer, secondOfficer, supplier } from '../testing/notice-fixtures';
import type { AwardCommand } from './commands';
import { awardDecider } from './decide';
import type { AwardProposal } from '../tender/events/award';
import { DEFAULT_STANDSTILL_RULES } from './standstill';

const GROUND = 'extreme-urgency';
const WHY = 'The current cameras fail in June and no other supplier can deliver by then';
const proposeDirect = (
  supplierId = ACME,
  extra: Partial<Extract<AwardCommand, { type: 'ProposeDirectAward' }>> = {},
): AwardCommand => ({
  type: 'ProposeDirectAward',
  actor: officer,
  now: AWARD_NOW,
  supplierId,
  ground: GROUND,
  justification: WHY,
  standstillRules: DEFAULT_STANDSTILL_RULES,
  ...extra,
});
const CONFIRMED_AT = '2025-04-15T09:00:00.000Z';
const confirm = (actor = secondOfficer): AwardCommand => ({
  type: 'ConfirmAward',
  actor,
  now: new Date(CONFIRMED_AT),
  standstillRules: DEFAULT_STANDSTILL_RULES,
});

const singleBid = fullyEvaluated({ bids: [ACME] });
/** Three bids, two excluded with reasons: one compliant bid, below the notice's minimum of 2. */
const allButOneExcluded = fullyEvaluated({
  bids: [ACME, { supplierId: BETA, exclusion: {} }, { supplierId: CEDAR, exclusion: {} }],
});

describe('ProposeDirectAward (rule 1’s exception)', () => {
  it('awards the only compliant bid on a listed ground: flagged direct-award, with ground and justification', () => {
    const events = given(awardDecider, singleBid)
      .when(proposeDirect())
      .then([
        {
          type: 'AwardProposed',
          data: {
            supplierId: ACME,
            round: 1,
            ranking: [
              {
                supplierId: ACME,
                rank: 1,
                total: 84,
                price: { amount: 200_000, currency: 'GBP' },
                scores: { quality: 8, social: 6, price: 10 },
              },
            ],
            topRanked: [ACME],
            departures: ['direct-award'],
            directAward: { ground: GROUND, justification: WHY },
            proposedBy: officer.userId,
            proposedAt: AWARD_AT,
          },
        },
        expect.objectContaining({ type: 'AssessmentSummaryIssued' }),
        expect.objectContaining({ type: 'StandstillStarted' }),
      ] as never);
    expect(events).toHaveLength(3);
  });

  it('refuses when enough bids passed compliance to award by the published method: DIRECT_AWARD_NOT_ALLOWED', () => {
    given(awardDecider, fullyEvaluated())
      .when(proposeDirect())
      .thenFails('DIRECT_AWARD_NOT_ALLOWED', { compliantBids: 2, minimumBids: 2 });
  });

  it('refuses a ground not on the fixed list: INVALID_LEGAL_GROUND', () => {
    given(awardDecider, singleBid)
      .when(proposeDirect(ACME, { ground: 'convenience' }))
      .thenFails('INVALID_LEGAL_GROUND', {
        ground: 'convenience',
        allowed: expect.arrayContaining(['no-suitable-tenders', 'extreme-urgency']),
      });
  });

  it('refuses a direct award without a real justification: REASON_REQUIRED', () => {
    given(awardDecider, singleBid)
      .when(proposeDirect(ACME, { justification: 'Urgent.' }))
      .thenFails('REASON_REQUIRED', { field: 'justification' });
  });

  it('the other rules still hold for the bids there are', () => {
    const unscored = singleBid.filter(
      (event) => !(event.type === 'BidScored' && event.data.evaluatorId === EVA),
    );
    given(awardDecider, unscored)
      .when(proposeDirect())
      .thenFails('INCOMPLETE_EVALUATION', {
        violations: [
          expect.objectContaining({ supplierId: ACME, evaluatorId: EVA, criterionId: 'quality' }),
          expect.objectContaining({ supplierId: ACME, evaluatorId: EVA, criterionId: 'social' }),
        ],
      });
  });

  it('is for officers of the buyer, in evaluation, whatever the ground', () => {
    given(awardDecider, fullyEvaluated())
      .when(proposeDirect(ACME, { actor: supplier }))
      .thenFails('ROLE_NOT_ALLOWED');
    given(awardDecider, singleBid)
      .when(proposeDirect(ACME, { actor: foreignOfficer, ground: 'convenience' }))
      .thenFails('NOT_YOUR_ORGANISATION');
    given(awardDecider, inStandstill())
      .when(proposeDirect())
      .thenFails('ILLEGAL_STAGE', { stage: 'standstill' });
  });
});

describe('all but the winner excluded (rule 4): a second officer confirms', () => {
  const pending = after(awardDecider, allButOneExcluded, proposeDirect());

  it('a direct award over excluded bids waits for a second officer', () => {
    given(awardDecider, allButOneExcluded)
      .when(proposeDirect())
      .then([
        {
          type: 'AwardConfirmationRequested',
          data: expect.objectContaining({
            supplierId: ACME,
            departures: ['direct-award', 'all-but-winner-excluded'],
            directAward: { ground: GROUND, justification: WHY },
            proposedBy: officer.userId,
            proposedAt: AWARD_AT,
          }) as unknown as AwardProposal,
        },
      ]);
  });

  it('another officer’s confirmation publishes the award, summaries and standstill, from the confirmation', () => {
    const events = given(awardDecider, pending)
      .when(confirm())
      .then([
        expect.objectContaining({ type: 'AwardProposed' }),
        ...[ACME, BETA, CEDAR].map((supplierId) =>
          expect.objectContaining({
            type: 'AssessmentSummaryIssued',
            data: expect.objectContaining({ summary: expect.objectContaining({ supplierId }) }),
          }),
        ),
        expect.objectContaining({ type: 'StandstillStarted' }),
      ] as never);
    expect(events[0].data).toMatchObject({
      supplierId: ACME,
      departures: ['direct-award', 'all-but-winner-excluded'],
      proposedBy: officer.userId,
      proposedAt: AWARD_AT,
      confirmedBy: secondOfficer.userId,
      confirmedAt: CONFIRMED_AT,
    });
    expect(events.at(-1)?.data).toMatchObject({ startsAt: CONFIRMED_AT, round: 1 });
  });

  it('the proposing officer cannot confirm: SAME_OFFICER_TWICE', () => {
    given(awardDecider, pending)
      .when(confirm(officer))
      .thenFails('SAME_OFFICER_TWICE', { proposedBy: officer.userId });
  });

  it('nothing to confirm: AWARD_NOT_PENDING', () => {
    given(awardDecider, allButOneExcluded).when(confirm()).thenFails('AWARD_NOT_PENDING');
  });

  it('checks the rules again on the streams as they are at confirmation', () => {
    const conflictsSince = [...pending, declared(EVA, ACME, true), declared(EVAN, ACME, true)];
    given(awardDecider, conflictsSince)
      .when(confirm())
      .thenFails('PANEL_TOO_SMALL', {
        violations: [expect.objectContaining({ supplierId: ACME })],
      });
  });

  it('a plain proposal cannot reach it: with one compliant bid it is INSUFFICIENT_COMPETITION', () => {
    given(awardDecider, allButOneExcluded)
      .when(proposeAward(ACME))
      .thenFails('INSUFFICIENT_COMPETITION');
  });

  it('only officers of the buyer confirm, in evaluation', () => {
    given(awardDecider, pending).when(confirm(foreignOfficer)).thenFails('NOT_YOUR_ORGANISATION');
    given(awardDecider, pending).when(confirm(supplier)).thenFails('ROLE_NOT_ALLOWED');
    given(awardDecider, after(awardDecider, pending, confirm()))
      .when(confirm())
      .thenFails('ILLEGAL_STAGE', { stage: 'standstill' });
  });
});
