import { awardDecider } from '../award/decide';
import { contractDecider } from '../contract/decide';
import { evaluationDecider } from '../evaluation/decide';
import type { EvaluationCommand } from '../evaluation/commands';
import type { TenderViewEvent } from '../tender/tender-view';
import { given } from '../shared/testing';
import {
  ACME,
  after,
  BETA,
  EVA,
  EVAN,
  evaluator,
  EWAN,
  inStandstill,
  justification,
  foreignLegal,
  legal,
  openedBid,
  PANEL,
  proposeAward,
  REASON_TEXT,
  STANDSTILL_ENDS_AT,
  viewOf,
} from '../testing/evaluation-fixtures';
import { officer, otherSupplier, supplier } from '../testing/notice-fixtures';
import type { ChallengeCommand } from './commands';
import { challengeDecider } from './decide';

const LODGED_AT = '2025-04-16T10:00:00.000Z';
const RESOLVED_AT = '2025-04-23T15:00:00.000Z';
const REASON = 'The panel scored price against an excluded bid’s price';
const lodge = (challengeId = 'ch-1', actor = otherSupplier): ChallengeCommand => ({
  type: 'LodgeChallenge',
  actor,
  now: new Date(LODGED_AT),
  challengeId,
  grounds: ['evaluation-error'],
  text: 'The price criterion was computed against the wrong lowest price',
});
const resolve = (
  outcome: string,
  remedy?: string,
  extra: Partial<Extract<ChallengeCommand, { type: 'ResolveChallenge' }>> = {},
): ChallengeCommand => ({
  type: 'ResolveChallenge',
  actor: legal,
  now: new Date(RESOLVED_AT),
  challengeId: 'ch-1',
  outcome,
  ...(remedy === undefined ? {} : { remedy }),
  reason: REASON,
  ...extra,
});
const resolved = (outcome: string, remedy?: string) => ({
  type: 'ChallengeResolved' as const,
  data: {
    challengeId: 'ch-1',
    outcome: outcome as never,
    ...(remedy === undefined ? {} : { remedy: remedy as never }),
    reason: REASON,
    resolvedAt: RESOLVED_AT,
    resolvedBy: legal.userId,
  },
});
const lifted = {
  type: 'AwardSuspensionLifted' as const,
  data: { liftedAt: RESOLVED_AT, round: 1 },
};

describe('ResolveChallenge (rule 7)', () => {
  const challenged = after(challengeDecider, inStandstill(), lodge());

  it('dismissed: the suspension lifts and the contract may follow after standstill', () => {
    given(challengeDecider, challenged)
      .when(resolve('dismissed'))
      .then([resolved('dismissed'), lifted]);
    const events = after(challengeDecider, challenged, resolve('dismissed'));
    const [concluded] = contractDecider.decide(
      {
        type: 'ConcludeContract',
        actor: officer,
        now: new Date(STANDSTILL_ENDS_AT),
        contractId: 'c-1',
        value: { amount: 200_000, currency: 'GBP' },
        period: { startDate: '2025-05-01', endDate: '2027-04-30' },
      },
      viewOf(events),
    );
    expect(concluded.type).toBe('ContractConcluded');
  });

  it('withdrawn: the same', () => {
    given(challengeDecider, challenged)
      .when(resolve('withdrawn'))
      .then([resolved('withdrawn'), lifted]);
  });

  it('the suspension stays while another challenge of the award is open', () => {
    const twice = after(challengeDecider, challenged, lodge('ch-2', supplier));
    given(challengeDecider, twice)
      .when(resolve('dismissed'))
      .then([resolved('dismissed')]);
    const both = after(challengeDecider, twice, resolve('dismissed'));
    given(challengeDecider, both)
      .when(resolve('withdrawn', undefined, { challengeId: 'ch-2' }))
      .then([
        { ...resolved('withdrawn'), data: { ...resolved('withdrawn').data, challengeId: 'ch-2' } },
        lifted,
      ]);
  });

  it('upheld with cancel: the tender is cancelled with the reason', () => {
    given(challengeDecider, challenged)
      .when(resolve('upheld', 'cancel'))
      .then([
        resolved('upheld', 'cancel'),
        {
          type: 'TenderCancelled',
          data: {
            reason: `Challenge ch-1 upheld: ${REASON}`,
            cancelledAt: RESOLVED_AT,
            stage: 'standstill',
          },
        },
      ]);
    expect(
      viewOf(after(challengeDecider, challenged, resolve('upheld', 'cancel'))).tender.stage,
    ).toBe('cancelled');
  });

  describe('upheld with re-evaluate: back to evaluation, round 2', () => {
    const reopened = after(challengeDecider, challenged, resolve('upheld', 're-evaluate'));
    const at = (iso: string) => new Date(iso);
    const submit = (evaluatorId: string): EvaluationCommand => ({
      type: 'SubmitEvaluation',
      actor: evaluator(evaluatorId),
      now: at('2025-04-30T16:00:00.000Z'),
    });

    it('reopens the evaluation with the reason', () => {
      given(challengeDecider, challenged)
        .when(resolve('upheld', 're-evaluate'))
        .then([
          resolved('upheld', 're-evaluate'),
          {
            type: 'EvaluationReopened',
            data: { round: 2, reason: REASON, challengeId: 'ch-1', reopenedAt: RESOLVED_AT },
          },
        ]);
      const { tender } = viewOf(reopened);
      expect(tender.stage).toBe('evaluation');
      expect(tender.evaluation.round).toBe(2);
      expect(tender.award.awarded).toBeUndefined();
    });

    it('every evaluator must submit again before an award', () => {
      given(awardDecider, reopened)
        .when(proposeAward(ACME, { now: at('2025-05-06T10:00:00.000Z') }))
        .thenFails('INCOMPLETE_EVALUATION', {
          violations: PANEL.map((evaluatorId) =>
            expect.objectContaining({
              evaluatorId,
              message: `Evaluator ${evaluatorId} has not submitted their scores for evaluation round 2`,
            }),
          ),
          rules: ['INCOMPLETE_EVALUATION'],
        });
    });

    it('compliance decisions may change again, recorded in round 2', () => {
      given(evaluationDecider, reopened)
        .when({
          type: 'RecordCompliance',
          actor: officer,
          now: at('2025-04-28T09:00:00.000Z'),
          supplierId: BETA,
          decision: 'excluded',
          reasonCode: 'abnormally-low-tender',
          reasonText: REASON_TEXT,
          requirement: 'price',
          opened: openedBid(BETA),
        })
        .then([
          {
            type: 'BidComplianceRecorded',
            data: {
              supplierId: BETA,
              ...openedBid(BETA),
              decision: 'excluded',
              reasonCode: 'abnormally-low-tender',
              reasonText: REASON_TEXT,
              requirement: 'price',
              recordedAt: '2025-04-28T09:00:00.000Z',
              recordedBy: officer.userId,
              round: 2,
            },
          },
        ]);
    });

    it('evaluators may rescore and resubmit in round 2, and the award then proceeds in round 2', () => {
      given(evaluationDecider, reopened)
        .when({
          type: 'ScoreBid',
          actor: evaluator(EVA),
          now: at('2025-04-29T10:00:00.000Z'),
          supplierId: BETA,
          scores: [
            { criterionId: 'quality', score: 7, justification: justification(BETA, 'quality') },
          ],
        })
        .then([
          {
            type: 'BidScored',
            data: {
              evaluatorId: EVA,
              supplierId: BETA,
              criterionId: 'quality',
              score: 7,
              justification: justification(BETA, 'quality'),
              scoredAt: '2025-04-29T10:00:00.000Z',
              round: 2,
            },
          },
        ]);
      given(evaluationDecider, reopened)
        .when(submit(EVA))
        .then([
          {
            type: 'EvaluationSubmitted',
            data: {
              evaluatorId: EVA,
              round: 2,
              submittedAt: '2025-04-30T16:00:00.000Z',
              scoredBids: [ACME, BETA],
            },
          },
        ]);
      const resubmitted: TenderViewEvent[] = after(
        evaluationDecider,
        reopened,
        submit(EVA),
        submit(EVAN),
        submit(EWAN),
      );
      const events = awardDecider.decide(
        proposeAward(ACME, { now: at('2025-05-06T10:00:00.000Z') }),
        viewOf(resubmitted),
      );
      expect(events[0]).toMatchObject({
        type: 'AwardProposed',
        data: { supplierId: ACME, round: 2 },
      });
      expect(events.at(-1)).toMatchObject({
        type: 'StandstillStarted',
        // Early May bank holiday (5 May) was the day before.
        data: {
          startsAt: '2025-05-06T10:00:00.000Z',
          endsAt: '2025-05-15T23:00:00.000Z',
          round: 2,
        },
      });
    });

    it('another challenge of the fallen award, dismissed later, lifts nothing: there is no award', () => {
      const second = after(challengeDecider, challenged, lodge('ch-2', supplier));
      const history = after(challengeDecider, second, resolve('upheld', 're-evaluate'));
      const dismissed = resolved('dismissed');
      given(challengeDecider, history)
        .when(resolve('dismissed', undefined, { challengeId: 'ch-2' }))
        .then([{ ...dismissed, data: { ...dismissed.data, challengeId: 'ch-2' } }]);
    });
  });

  it('refuses an unknown challenge: CHALLENGE_NOT_FOUND', () => {
    given(challengeDecider, challenged)
      .when(resolve('dismissed', undefined, { challengeId: 'ch-9' }))
      .thenFails('CHALLENGE_NOT_FOUND', { challengeId: 'ch-9' });
  });

  it('refuses a challenge already resolved: CHALLENGE_ALREADY_RESOLVED', () => {
    given(challengeDecider, after(challengeDecider, challenged, resolve('dismissed')))
      .when(resolve('upheld', 'cancel'))
      .thenFails('CHALLENGE_ALREADY_RESOLVED', { challengeId: 'ch-1', outcome: 'dismissed' });
  });

  it.each([
    ['an unknown outcome', 'settled', undefined],
    ['upheld without a remedy', 'upheld', undefined],
    ['upheld with an unknown remedy', 'upheld', 'damages'],
    ['dismissed with a remedy', 'dismissed', 'cancel'],
  ])('refuses %s: INVALID_CHALLENGE', (_case, outcome, remedy) => {
    given(challengeDecider, challenged)
      .when(resolve(outcome, remedy))
      .thenFails('INVALID_CHALLENGE', { outcome });
  });

  it('needs a reason: REASON_REQUIRED', () => {
    given(challengeDecider, challenged)
      .when(resolve('dismissed', undefined, { reason: 'No.' }))
      .thenFails('REASON_REQUIRED', { field: 'reason' });
  });

  it('only legal records the outcome', () => {
    given(challengeDecider, challenged)
      .when(resolve('dismissed', undefined, { actor: officer }))
      .thenFails('ROLE_NOT_ALLOWED', { allowed: ['legal'] });
  });

  it('only legal of the buyer: legal of another organisation is refused, NOT_YOUR_ORGANISATION (issue 12 finding 8)', () => {
    given(challengeDecider, challenged)
      .when(resolve('dismissed', undefined, { actor: foreignLegal }))
      .thenFails('NOT_YOUR_ORGANISATION', { organisationId: foreignLegal.organisationId });
  });
});
