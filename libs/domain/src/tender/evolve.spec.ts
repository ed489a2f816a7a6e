import type { AwardEvent } from './events/award';
import { awardDecider } from '../award/decide';
import type { ChallengeEvent } from './events/challenge';
import type { ContractEvent } from './events/contract';
import { initialTenderState, type TenderState } from './state';
import {
  ACME,
  AWARD_AT,
  BETA,
  EVA,
  EVAN,
  EVAL_AT,
  excluded,
  fullyEvaluated,
  inStandstill,
  moderated,
  openedBid,
  panelAccepted,
  panelAppointed,
  panelSeated,
  EWAN,
  passed,
  PANEL,
  proposeAward,
  REASON_TEXT,
  STANDSTILL_ENDS_AT,
  viewOf,
} from '../testing/evaluation-fixtures';
import { officer, tendering } from '../testing/notice-fixtures';
import { evolveTender } from './evolve';
import type { TenderEvent } from './tender-events';

const foldTender = (events: readonly TenderEvent[], from: TenderState = initialTenderState()) =>
  events.reduce(evolveTender, from);
const tenderOf = (history: Parameters<typeof viewOf>[0]) => viewOf(history).tender;

describe('evolveTender: the evaluation', () => {
  it('keeps the latest compliance decision per bid, without the round', () => {
    const state = foldTender([...tendering(), passed(ACME), excluded(BETA), excluded(ACME)]);
    expect(state.evaluation.compliance).toEqual({
      [ACME]: {
        supplierId: ACME,
        ...openedBid(ACME),
        decision: 'excluded',
        reasonCode: 'requirements-not-met',
        reasonText: REASON_TEXT,
        recordedAt: EVAL_AT,
        recordedBy: officer.userId,
      },
      [BETA]: expect.objectContaining({ decision: 'excluded' }),
    });
  });

  it('a new appointment replaces the old; members who stay keep their acceptance', () => {
    const state = foldTender([
      ...tendering(),
      ...panelSeated(),
      panelAppointed([EVA, EVAN, 'u-ezra']),
    ]);
    expect(state.evaluation.appointed).toEqual([EVA, EVAN, 'u-ezra']);
    expect(state.evaluation.panel).toEqual([EVA, EVAN]);
  });

  it('counts only accepted members, in appointment order; a v1 appointment counts at once', () => {
    const pending = foldTender([...tendering(), panelAppointed(), panelAccepted(EWAN)]);
    expect(pending.evaluation.panel).toEqual([EWAN]);
    const seated = foldTender([
      ...tendering(),
      panelAppointed(),
      panelAccepted(EWAN),
      panelAccepted(EVA),
      panelAccepted(EVA),
      panelAccepted('u-stranger'),
    ]);
    expect(seated.evaluation.panel).toEqual([EVA, EWAN]);
    const legacy = panelAppointed();
    const v1 = foldTender([
      ...tendering(),
      { ...legacy, data: { ...legacy.data, acceptanceRequired: false } },
    ]);
    expect(v1.evaluation.panel).toEqual(PANEL);
  });

  it('keeps the agreed score per bid and criterion, with its reason when given', () => {
    const state = foldTender([
      ...tendering(),
      moderated(
        ACME,
        'quality',
        7,
        [7, 8, 9],
        'The panel settled on seven after rereading the storage answer',
      ),
      moderated(ACME, 'social', 6, [6, 6, 6]),
    ]);
    expect(state.evaluation.moderated).toEqual({
      [`${ACME}/quality`]: {
        agreedScore: 7,
        reason: 'The panel settled on seven after rereading the storage answer',
        moderatedAt: expect.any(String),
        evaluatorScores: [7, 8, 9],
        moderatedBy: officer.userId,
      },
      [`${ACME}/social`]: {
        agreedScore: 6,
        moderatedAt: expect.any(String),
        evaluatorScores: [6, 6, 6],
        moderatedBy: officer.userId,
      },
    });
    expect(state.evaluation.moderators).toEqual([officer.userId]);
  });

  it('reopening drops the award and the agreed scores, keeps compliance and the panel, and starts the round', () => {
    const before = tenderOf([...inStandstill(), moderated(ACME, 'quality', 8, [8, 8, 8])]);
    const state = evolveTender(before, {
      type: 'EvaluationReopened',
      data: {
        round: 2,
        reason: 'Upheld',
        challengeId: 'ch-1',
        reopenedAt: '2025-04-23T15:00:00.000Z',
      },
    });
    expect(state.stage).toBe('evaluation');
    expect(state.award.awarded).toBeUndefined();
    expect(state.evaluation).toEqual({ ...before.evaluation, round: 2, moderated: {} });
    expect(state.evaluation.panel).toEqual(PANEL);
  });
});

describe('evolveTender: award and standstill', () => {
  const evaluated = tenderOf(fullyEvaluated());
  const [proposed, , , standstill] = awardDecider.decide(
    proposeAward(ACME),
    viewOf(fullyEvaluated()),
  ) as AwardEvent[];

  it('a proposal awaiting confirmation is pending; the award itself starts the standstill stage', () => {
    const pending = evolveTender(evaluated, {
      type: 'AwardConfirmationRequested',
      data: proposed.data as never,
    });
    expect(pending.award.pending).toEqual(proposed.data);
    expect(pending.stage).toBe('evaluation');
    const awarded = foldTender([proposed, standstill], pending);
    expect(awarded.stage).toBe('standstill');
    expect(awarded.award.pending).toBeUndefined();
    expect(awarded.award.awarded).toEqual({
      ...proposed.data,
      suspendedBy: [],
      standstill: standstill.data,
    });
  });

  it('records when the standstill ended', () => {
    const ended = foldTender(
      [
        proposed,
        standstill,
        {
          type: 'StandstillEnded',
          data: {
            endedAt: STANDSTILL_ENDS_AT,
            endsAt: STANDSTILL_ENDS_AT,
            openChallenges: 0,
            round: 1,
          },
        },
      ],
      evaluated,
    );
    expect(ended.award.awarded?.standstillEndedAt).toBe(STANDSTILL_ENDS_AT);
  });

  it('an unsuccessful tender ends there', () => {
    const state = evolveTender(evaluated, {
      type: 'TenderDeclaredUnsuccessful',
      data: {
        reason: 'No compliant bids remained once the storage requirement was applied',
        compliantBids: 0,
        minimumBids: 2,
        declaredAt: AWARD_AT,
        declaredBy: officer.userId,
      },
    });
    expect(state.stage).toBe('unsuccessful');
    expect(state.award.unsuccessful).toEqual({
      reason: 'No compliant bids remained once the storage requirement was applied',
      declaredAt: AWARD_AT,
    });
  });
});

describe('evolveTender: challenges and the contract', () => {
  const awarded = tenderOf(inStandstill());
  const lodged: ChallengeEvent[] = [
    {
      type: 'ChallengeLodged',
      data: {
        challengeId: 'ch-1',
        supplierId: BETA,
        grounds: ['other'],
        text: 'The exclusion misread section 4.2 of our method statement',
        lodgedAt: AWARD_AT,
        round: 1,
      },
    },
    { type: 'AwardSuspended', data: { challengeId: 'ch-1', suspendedAt: AWARD_AT, round: 1 } },
    { type: 'AwardSuspended', data: { challengeId: 'ch-1', suspendedAt: AWARD_AT, round: 1 } },
  ];

  it('a lodged challenge suspends the award once; its resolution lifts it', () => {
    const suspended = foldTender(lodged, awarded);
    expect(suspended.award.awarded?.suspendedBy).toEqual(['ch-1']);
    expect(suspended.challenges['ch-1']).toMatchObject({ supplierId: BETA, round: 1 });
    const resolved = evolveTender(suspended, {
      type: 'ChallengeResolved',
      data: {
        challengeId: 'ch-1',
        outcome: 'dismissed',
        reason: 'The grounds disclose no breach of any procurement duty',
        resolvedAt: STANDSTILL_ENDS_AT,
        resolvedBy: 'u-lee',
      },
    });
    expect(resolved.award.awarded?.suspendedBy).toEqual([]);
    expect(resolved.challenges['ch-1']).toMatchObject({
      outcome: 'dismissed',
      resolvedAt: STANDSTILL_ENDS_AT,
    });
    expect(resolved.stage).toBe('standstill');
  });

  it('the contract and its approved changes', () => {
    const contractEvents: ContractEvent[] = [
      {
        type: 'ContractConcluded',
        data: {
          contractId: 'c-1',
          supplierId: ACME,
          value: { amount: 200_000, currency: 'GBP' },
          period: { startDate: '2025-05-01', endDate: '2026-04-30' },
          concludedAt: STANDSTILL_ENDS_AT,
          concludedBy: officer.userId,
        },
      },
      {
        type: 'ContractChangeRequested',
        data: {
          changeId: 'chg-1',
          kind: 'extension',
          description: 'Extend',
          justification: 'The pilot is needed for longer while its replacement is procured',
          addedValue: { amount: 10_000, currency: 'GBP' },
          addedMonths: 12,
          requestedBy: officer.userId,
          requestedAt: STANDSTILL_ENDS_AT,
        },
      },
    ];
    const requested = foldTender(contractEvents, awarded);
    expect(requested.stage).toBe('contracted');
    expect(requested.contract).toMatchObject({ approvedChanges: 0, value: { amount: 200_000 } });
    const approved = foldTender(
      [
        {
          type: 'ContractChangeApproved',
          data: {
            changeId: 'chg-1',
            approvedBy: 'u-bob',
            approvedAt: STANDSTILL_ENDS_AT,
            redFlags: [],
          },
        },
        {
          type: 'ContractChangeNoticePublished',
          data: {
            ...(contractEvents[1].data as object),
            changeNumber: 1,
            value: { amount: 210_000, currency: 'GBP' },
            period: { startDate: '2025-05-01', endDate: '2027-04-30' },
            redFlags: [],
            publishedAt: STANDSTILL_ENDS_AT,
          } as never,
        },
      ],
      requested,
    );
    expect(approved.contract).toMatchObject({
      originalValue: { amount: 200_000 },
      value: { amount: 210_000 },
      period: { endDate: '2027-04-30' },
      approvedChanges: 1,
      changes: { 'chg-1': { approvedBy: 'u-bob', changeNumber: 1 } },
    });
  });

  it('leaves the state as it is for an event it does not know', () => {
    const unknown = { type: 'SomethingNewer', data: {} } as unknown as TenderEvent;
    expect(evolveTender(awarded, unknown)).toBe(awarded);
  });
});
