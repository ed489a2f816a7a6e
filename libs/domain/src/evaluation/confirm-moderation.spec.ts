import { rankBids } from '../award/ranking';
import type { TenderViewEvent } from '../tender/tender-view';
import { given } from '../shared/testing';
import {
  ACME,
  after,
  BETA,
  EVA,
  fullyEvaluated,
  inStandstill,
  SUBMITTED_AT,
  viewOf,
} from '../testing/evaluation-fixtures';
import { foreignOfficer, officer, secondOfficer } from '../testing/notice-fixtures';
import type { EvaluationCommand } from './commands';
import { evaluationDecider } from './decide';

const CONFIRMED_AT = '2025-04-08T09:00:00.000Z';
const REQUEST = 'The panel missed that the training plan covers no night shifts';
const CONFIRMATION = 'Read section 3 again: no night-shift training is offered anywhere';
const moderate = (agreedScore: number): EvaluationCommand => ({
  type: 'ModerateScore',
  actor: officer,
  now: new Date(SUBMITTED_AT),
  supplierId: ACME,
  criterionId: 'quality',
  agreedScore,
  reason: REQUEST,
});
const confirm = (
  extra: Partial<Extract<EvaluationCommand, { type: 'ConfirmModeration' }>> = {},
): EvaluationCommand => ({
  type: 'ConfirmModeration',
  actor: secondOfficer,
  now: new Date(CONFIRMED_AT),
  supplierId: ACME,
  criterionId: 'quality',
  agreedScore: 2,
  reason: CONFIRMATION,
  ...extra,
});

describe('ConfirmModeration', () => {
  // Quality for ACME: 8, 8, 8 (ACME 81, BETA 73); an agreed 2 puts BETA first.
  const evaluated = fullyEvaluated();
  const requested = after(evaluationDecider, evaluated, moderate(2));
  const ranked = (history: readonly TenderViewEvent[]) =>
    rankBids(viewOf(history)).map((bid) => bid.supplierId);

  it('a second officer confirms the requested score with its own reason: from now it counts', () => {
    expect(ranked(requested)).toEqual([ACME, BETA]);
    given(evaluationDecider, requested)
      .when(confirm({ reason: `  ${CONFIRMATION} ` }))
      .then([
        {
          type: 'ScoreModerationConfirmed',
          data: {
            supplierId: ACME,
            criterionId: 'quality',
            agreedScore: 2,
            evaluatorScores: [8, 8, 8],
            panelRange: { min: 8, max: 8 },
            reason: REQUEST,
            requestedAt: SUBMITTED_AT,
            requestedBy: officer.userId,
            confirmationReason: CONFIRMATION,
            confirmedAt: CONFIRMED_AT,
            confirmedBy: secondOfficer.userId,
            round: 1,
          },
        },
      ]);
    expect(ranked(after(evaluationDecider, requested, confirm()))).toEqual([BETA, ACME]);
  });

  it('the officer who moderated cannot confirm it: SAME_OFFICER_TWICE', () => {
    given(evaluationDecider, requested)
      .when(confirm({ actor: officer }))
      .thenFails('SAME_OFFICER_TWICE', { requestedBy: officer.userId });
  });

  it('needs a reason of its own: MODERATION_UNREASONED', () => {
    given(evaluationDecider, requested)
      .when(confirm({ reason: 'Agreed.' }))
      .thenFails('MODERATION_UNREASONED', { supplierId: ACME, evaluatorScores: [8, 8, 8] });
  });

  it('nothing waiting, or another score waiting: MODERATION_NOT_PENDING', () => {
    given(evaluationDecider, evaluated)
      .when(confirm())
      .thenFails('MODERATION_NOT_PENDING', { supplierId: ACME, criterionId: 'quality' });
    given(evaluationDecider, requested)
      .when(confirm({ agreedScore: 3 }))
      .thenFails('MODERATION_NOT_PENDING', { pendingScore: 2 });
    const confirmed = after(evaluationDecider, requested, confirm());
    given(evaluationDecider, confirmed).when(confirm()).thenFails('MODERATION_NOT_PENDING');
    // An agreed score within the range replaces the request.
    const settled = after(evaluationDecider, requested, moderate(8));
    given(evaluationDecider, settled).when(confirm()).thenFails('MODERATION_NOT_PENDING');
  });

  it('a later request replaces the earlier one', () => {
    const replaced = after(evaluationDecider, requested, moderate(4));
    given(evaluationDecider, replaced)
      .when(confirm())
      .thenFails('MODERATION_NOT_PENDING', { pendingScore: 4 });
    expect(ranked(replaced)).toEqual([ACME, BETA]);
  });

  it('a reopened evaluation starts without the request', () => {
    const reopened: TenderViewEvent[] = [
      ...requested,
      {
        type: 'EvaluationReopened',
        data: { round: 2, reason: 'Upheld', challengeId: 'ch-1', reopenedAt: CONFIRMED_AT },
      },
    ];
    expect(viewOf(requested).tender.evaluation.pendingModerations).toHaveProperty(
      `${ACME}/quality`,
    );
    expect(viewOf(reopened).tender.evaluation.pendingModerations).toBeUndefined();
    given(evaluationDecider, reopened).when(confirm()).thenFails('MODERATION_NOT_PENDING');
  });

  it('is for officers of the buyer, in evaluation', () => {
    given(evaluationDecider, requested)
      .when(confirm({ actor: foreignOfficer }))
      .thenFails('NOT_YOUR_ORGANISATION');
    given(evaluationDecider, requested)
      .when(confirm({ actor: { userId: EVA, organisationId: 'org-council', role: 'evaluator' } }))
      .thenFails('ROLE_NOT_ALLOWED');
    given(evaluationDecider, inStandstill(evaluated))
      .when(confirm())
      .thenFails('ILLEGAL_STAGE', { stage: 'standstill' });
  });
});
