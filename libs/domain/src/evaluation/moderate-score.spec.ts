import { given } from '../shared/testing';
import {
  ACME,
  BETA,
  EVA,
  EVAN,
  excluded,
  fullyEvaluated,
  inStandstill,
  moderated,
  SUBMITTED_AT,
  viewOf,
} from '../testing/evaluation-fixtures';
import { foreignOfficer, officer } from '../testing/notice-fixtures';
import type { EvaluationCommand } from './commands';
import { evaluationDecider } from './decide';

const moderate = (
  agreedScore: number,
  reason?: string,
  extra: Partial<Extract<EvaluationCommand, { type: 'ModerateScore' }>> = {},
): EvaluationCommand => ({
  type: 'ModerateScore',
  actor: officer,
  now: new Date(SUBMITTED_AT),
  supplierId: ACME,
  criterionId: 'quality',
  agreedScore,
  ...(reason === undefined ? {} : { reason }),
  ...extra,
});
const REASON = 'The panel agreed the training plan is weaker than first read';

describe('ModerateScore', () => {
  // Quality scores for ACME: 7, 8, 9 (mean 8).
  const evaluated = fullyEvaluated({
    bids: [{ supplierId: ACME, scores: { quality: [7, 8, 9], social: 6 } }, BETA],
  });

  it('records an agreed score that differs from the evaluators’, with its reason', () => {
    given(evaluationDecider, evaluated)
      .when(moderate(7, `  ${REASON} `))
      .then([
        {
          type: 'ScoreModerated',
          data: {
            supplierId: ACME,
            criterionId: 'quality',
            agreedScore: 7,
            evaluatorScores: [7, 8, 9],
            reason: REASON,
            moderatedAt: SUBMITTED_AT,
            moderatedBy: officer.userId,
            round: 1,
          },
        },
      ]);
  });

  it('outside the range of the evaluators’ scores, only requests it for a second officer', () => {
    given(evaluationDecider, evaluated)
      .when(moderate(6, REASON))
      .then([
        {
          type: 'ScoreModerationRequested',
          data: {
            supplierId: ACME,
            criterionId: 'quality',
            agreedScore: 6,
            evaluatorScores: [7, 8, 9],
            panelRange: { min: 7, max: 9 },
            reason: REASON,
            requestedAt: SUBMITTED_AT,
            requestedBy: officer.userId,
            round: 1,
          },
        },
      ]);
    const [above] = evaluationDecider.decide(moderate(9.5, REASON), viewOf(evaluated));
    expect(above.type).toBe('ScoreModerationRequested');
  });

  it('changing unanimous scores is outside the range too', () => {
    const [requested] = evaluationDecider.decide(
      moderate(7, REASON, { criterionId: 'social' }),
      viewOf(evaluated),
    );
    expect(requested).toMatchObject({
      type: 'ScoreModerationRequested',
      data: { evaluatorScores: [6, 6, 6], panelRange: { min: 6, max: 6 }, agreedScore: 7 },
    });
  });

  it('an agreed score at either end of the range counts at once', () => {
    for (const agreedScore of [7, 9]) {
      const [recorded] = evaluationDecider.decide(moderate(agreedScore, REASON), viewOf(evaluated));
      expect(recorded.type).toBe('ScoreModerated');
    }
  });

  it('refuses an out-of-range request without a reason: MODERATION_UNREASONED', () => {
    given(evaluationDecider, evaluated)
      .when(moderate(2))
      .thenFails('MODERATION_UNREASONED', { evaluatorScores: [7, 8, 9] });
  });

  it('refuses a differing score without a reason: MODERATION_UNREASONED', () => {
    given(evaluationDecider, evaluated)
      .when(moderate(8))
      .thenFails('MODERATION_UNREASONED', {
        supplierId: ACME,
        criterionId: 'quality',
        evaluatorScores: [7, 8, 9],
      });
    given(evaluationDecider, evaluated)
      .when(moderate(8, 'Agreed.'))
      .thenFails('MODERATION_UNREASONED');
  });

  it('needs no reason when every evaluator gave the agreed score', () => {
    given(evaluationDecider, evaluated)
      .when(moderate(6, undefined, { criterionId: 'social' }))
      .then([moderated(ACME, 'social', 6, [6, 6, 6])]);
  });

  it('waits until every evaluator of the bid has submitted: INCOMPLETE_EVALUATION', () => {
    const unsubmitted = evaluated.filter(
      (event) => !(event.type === 'EvaluationSubmitted' && event.data.evaluatorId === EVAN),
    );
    given(evaluationDecider, unsubmitted)
      .when(moderate(8, REASON))
      .thenFails('INCOMPLETE_EVALUATION', { supplierId: ACME, waiting: [EVAN] });
  });

  it('refuses a criterion evaluators do not score, or a score off the scale: INVALID_SCORE', () => {
    given(evaluationDecider, evaluated)
      .when(moderate(8, REASON, { criterionId: 'price' }))
      .thenFails('INVALID_SCORE', { criterionId: 'price' });
    given(evaluationDecider, evaluated)
      .when(moderate(12, REASON))
      .thenFails('INVALID_SCORE', { criterionId: 'quality', score: 12 });
  });

  it('only compliant bids: BID_NOT_COMPLIANT', () => {
    const history = fullyEvaluated({
      bids: [ACME, BETA, { supplierId: 'org-cedar', exclusion: {} }],
    });
    given(evaluationDecider, history)
      .when(moderate(5, REASON, { supplierId: 'org-cedar' }))
      .thenFails('BID_NOT_COMPLIANT', { supplierId: 'org-cedar' });
    expect(history).toContainEqual(excluded('org-cedar'));
  });

  it('is for officers of the buyer, in evaluation', () => {
    given(evaluationDecider, evaluated)
      .when(moderate(8, REASON, { actor: foreignOfficer }))
      .thenFails('NOT_YOUR_ORGANISATION');
    given(evaluationDecider, evaluated)
      .when(
        moderate(8, REASON, {
          actor: { userId: EVA, organisationId: 'org-council', role: 'evaluator' },
        }),
      )
      .thenFails('ROLE_NOT_ALLOWED');
    given(evaluationDecider, inStandstill(evaluated))
      .when(moderate(8, REASON))
      .thenFails('ILLEGAL_STAGE', { stage: 'standstill' });
  });
});
