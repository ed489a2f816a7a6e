import { given } from '../shared/testing';
import {
  ACME,
  BETA,
  CEDAR,
  declared,
  EVA,
  EVAL_AT,
  EVAL_NOW,
  evaluator,
  excluded,
  justification,
  openedWith,
  panelSeated,
  passed,
  scored,
  submitted,
} from '../testing/evaluation-fixtures';
import type { CriterionScore, EvaluationCommand } from './commands';
import { evaluationDecider } from './decide';

const score = (
  supplierId: string,
  scores: CriterionScore[],
  actor = evaluator(EVA),
): EvaluationCommand => ({ type: 'ScoreBid', actor, now: EVAL_NOW, supplierId, scores });
const quality = (value: number, text = justification(ACME, 'quality')): CriterionScore => ({
  criterionId: 'quality',
  score: value,
  justification: text,
});
const social = (value: number, text = justification(ACME, 'social')): CriterionScore => ({
  criterionId: 'social',
  score: value,
  justification: text,
});

describe('ScoreBid (rules 2 and 3)', () => {
  const ready = [
    ...openedWith([ACME, BETA, CEDAR]),
    passed(ACME),
    excluded(BETA),
    ...panelSeated(),
    declared(EVA, ACME),
  ];

  it('records each quality criterion’s score with its trimmed justification', () => {
    given(evaluationDecider, ready)
      .when(score(ACME, [quality(8, `  ${justification(ACME, 'quality')} `), social(6)]))
      .then([
        {
          type: 'BidScored',
          data: {
            evaluatorId: EVA,
            supplierId: ACME,
            criterionId: 'quality',
            score: 8,
            justification: 'Reviewer 1 finds the quality answer of org-acme well evidenced',
            scoredAt: EVAL_AT,
            round: 1,
          },
        },
        scored(EVA, ACME, 'social', 6),
      ]);
  });

  it('records only the scores that changed', () => {
    const history = [...ready, scored(EVA, ACME, 'quality', 8), scored(EVA, ACME, 'social', 6)];
    given(evaluationDecider, history)
      .when(score(ACME, [quality(8), social(6)]))
      .then([]);
    given(evaluationDecider, history)
      .when(score(ACME, [quality(8), social(7)]))
      .then([scored(EVA, ACME, 'social', 7)]);
    const reworded = 'On reflection the evidence of training is thin';
    given(evaluationDecider, history)
      .when(score(ACME, [quality(8, reworded), social(6)]))
      .then([scored(EVA, ACME, 'quality', 8, reworded)]);
  });

  it('refuses a score without a written justification: SCORE_UNJUSTIFIED', () => {
    given(evaluationDecider, ready)
      .when(score(ACME, [quality(8), social(6, 'Good.')]))
      .thenFails('SCORE_UNJUSTIFIED', { criterionId: 'social' });
    given(evaluationDecider, ready)
      .when(score(ACME, [quality(8, '')]))
      .thenFails('SCORE_UNJUSTIFIED', { criterionId: 'quality' });
    // The one rule for reasons: padding and stock phrases are not a justification either.
    given(evaluationDecider, ready)
      .when(
        score(ACME, [
          quality(8, 'Strong answer on the docking stations, training plan plan plan plan'),
        ]),
      )
      .thenFails('SCORE_UNJUSTIFIED', { criterionId: 'quality', problem: 'repetition' });
    given(evaluationDecider, ready)
      .when(score(ACME, [quality(8, 'It is fine and as it should be for this one.')]))
      .thenFails('SCORE_UNJUSTIFIED', { criterionId: 'quality', problem: 'too_few_content_words' });
  });

  it.each([
    ['no scores at all', []],
    ['the price criterion (computed, never scored)', [{ ...quality(8), criterionId: 'price' }]],
    ['an unknown criterion', [{ ...quality(8), criterionId: 'looks' }]],
    ['the same criterion twice', [quality(8), quality(7)]],
    ['a score above the scale', [quality(11)]],
    ['a score below the scale', [quality(-1)]],
    ['a score that is not a number', [quality(Number.NaN)]],
  ])('refuses %s: INVALID_SCORE', (_case, scores) => {
    given(evaluationDecider, ready).when(score(ACME, scores)).thenFails('INVALID_SCORE');
  });

  it('names the scale when a score is off it', () => {
    given(evaluationDecider, ready)
      .when(score(ACME, [quality(10.5)]))
      .thenFails('INVALID_SCORE', {
        criterionId: 'quality',
        score: 10.5,
        scale: { min: 0, max: 10 },
      });
  });

  it('refuses to score before declaring on the supplier: UNDECLARED_CONFLICT', () => {
    given(
      evaluationDecider,
      [...ready].filter((event) => event.type !== 'ConflictOfInterestDeclared'),
    )
      .when(score(ACME, [quality(8)]))
      .thenFails('UNDECLARED_CONFLICT', { supplierId: ACME, evaluatorId: EVA });
  });

  it('refuses a bid the evaluator declared a conflict with: EVALUATOR_CONFLICTED', () => {
    given(evaluationDecider, [...ready, declared(EVA, ACME, true)])
      .when(score(ACME, [quality(8)]))
      .thenFails('EVALUATOR_CONFLICTED', { supplierId: ACME, evaluatorId: EVA });
  });

  it('refuses a bid that did not pass compliance: BID_NOT_COMPLIANT', () => {
    given(evaluationDecider, [...ready, declared(EVA, BETA)])
      .when(score(BETA, [quality(8)]))
      .thenFails('BID_NOT_COMPLIANT', { supplierId: BETA });
    given(evaluationDecider, [...ready, declared(EVA, CEDAR)])
      .when(score(CEDAR, [quality(8)]))
      .thenFails('BID_NOT_COMPLIANT', { supplierId: CEDAR });
    given(evaluationDecider, ready)
      .when(score('org-nobody', [quality(8)]))
      .thenFails('BID_NOT_FOUND', { supplierId: 'org-nobody' });
  });

  it('refuses once the evaluator has submitted the round: EVALUATION_ALREADY_SUBMITTED', () => {
    given(evaluationDecider, [...ready, scored(EVA, ACME, 'quality', 8), submitted(EVA, [ACME])])
      .when(score(ACME, [quality(9)]))
      .thenFails('EVALUATION_ALREADY_SUBMITTED', { round: 1 });
  });

  it('only evaluators on the panel: NOT_ON_PANEL', () => {
    given(evaluationDecider, ready)
      .when(score(ACME, [quality(8)], evaluator('u-ezra')))
      .thenFails('NOT_ON_PANEL', { evaluatorId: 'u-ezra' });
  });
});
