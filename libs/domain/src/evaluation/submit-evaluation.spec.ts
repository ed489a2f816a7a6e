import type { TenderViewEvent } from '../tender/tender-view';
import { given } from '../shared/testing';
import {
  ACME,
  BETA,
  CEDAR,
  declared,
  EVA,
  SUBMITTED_AT,
  EVAN,
  evaluator,
  excluded,
  fullyEvaluated,
  openedWith,
  panelSeated,
  passed,
  scored,
  submitted,
} from '../testing/evaluation-fixtures';
import type { EvaluationCommand } from './commands';
import { evaluationDecider } from './decide';

const submit = (evaluatorId = EVA): EvaluationCommand => ({
  type: 'SubmitEvaluation',
  actor: evaluator(evaluatorId),
  now: new Date(SUBMITTED_AT),
});
const fullSheet = (evaluatorId: string, supplierId: string, quality = 8, social = 6) => [
  declared(evaluatorId, supplierId),
  scored(evaluatorId, supplierId, 'quality', quality),
  scored(evaluatorId, supplierId, 'social', social),
];

describe('SubmitEvaluation (rules 2 and 3)', () => {
  const base: TenderViewEvent[] = [
    ...openedWith([ACME, BETA, CEDAR]),
    passed(ACME),
    passed(BETA),
    excluded(CEDAR),
    ...panelSeated(),
  ];

  it('makes the evaluator’s scores final, naming the bids it scored', () => {
    given(evaluationDecider, [...base, ...fullSheet(EVA, ACME), ...fullSheet(EVA, BETA)])
      .when(submit())
      .then([
        {
          type: 'EvaluationSubmitted',
          data: {
            evaluatorId: EVA,
            round: 1,
            submittedAt: SUBMITTED_AT,
            scoredBids: [ACME, BETA],
          },
        },
      ]);
  });

  it('a bid the evaluator declared a conflict with needs no scores from it, and is not among its scored bids', () => {
    given(evaluationDecider, [...base, ...fullSheet(EVA, ACME), declared(EVA, BETA, true)])
      .when(submit())
      .then([
        {
          type: 'EvaluationSubmitted',
          data: {
            evaluatorId: EVA,
            round: 1,
            submittedAt: SUBMITTED_AT,
            scoredBids: [ACME],
          },
        },
      ]);
  });

  it('refuses with a criterion unscored, naming bid, evaluator and criterion: INCOMPLETE_EVALUATION', () => {
    const history = [
      ...base,
      ...fullSheet(EVA, ACME),
      declared(EVA, BETA),
      scored(EVA, BETA, 'quality', 5),
    ];
    const error = given(evaluationDecider, history)
      .when(submit())
      .thenFails('INCOMPLETE_EVALUATION', {
        missing: [
          expect.objectContaining({
            code: 'INCOMPLETE_EVALUATION',
            supplierId: BETA,
            evaluatorId: EVA,
            criterionId: 'social',
          }),
        ],
        totalMissing: 1,
      });
    expect(error.message).toBe(
      `Evaluator ${EVA} has not scored criterion social for the bid from ${BETA}`,
    );
  });

  it('refuses before every compliance decision is made: INCOMPLETE_EVALUATION naming the bid', () => {
    const undecided = base.filter(
      (event) => !(event.type === 'BidComplianceRecorded' && event.data.supplierId === CEDAR),
    );
    given(evaluationDecider, [...undecided, ...fullSheet(EVA, ACME), ...fullSheet(EVA, BETA)])
      .when(submit())
      .thenFails('INCOMPLETE_EVALUATION', {
        missing: [expect.objectContaining({ supplierId: CEDAR })],
        totalMissing: 1,
      });
  });

  it('refuses without a declaration on every compliant bid: UNDECLARED_CONFLICT', () => {
    given(evaluationDecider, [...base, ...fullSheet(EVA, ACME)])
      .when(submit())
      .thenFails('UNDECLARED_CONFLICT', {
        missing: [
          expect.objectContaining({
            code: 'UNDECLARED_CONFLICT',
            supplierId: BETA,
            evaluatorId: EVA,
          }),
        ],
      });
  });

  it('counts only its own gaps, not another evaluator’s', () => {
    const history = [
      ...base,
      ...fullSheet(EVA, ACME),
      ...fullSheet(EVA, BETA),
      declared(EVAN, ACME),
    ];
    given(evaluationDecider, history)
      .when(submit(EVA))
      .then([submitted(EVA, [ACME, BETA])]);
    given(evaluationDecider, history).when(submit(EVAN)).thenFails('INCOMPLETE_EVALUATION', {
      totalMissing: 3,
    });
  });

  it('refuses a second submission in the same round: EVALUATION_ALREADY_SUBMITTED', () => {
    given(evaluationDecider, fullyEvaluated())
      .when(submit())
      .thenFails('EVALUATION_ALREADY_SUBMITTED', { round: 1 });
  });

  it('only evaluators on the panel: NOT_ON_PANEL', () => {
    given(evaluationDecider, base)
      .when(submit('u-ezra'))
      .thenFails('NOT_ON_PANEL', { evaluatorId: 'u-ezra' });
  });
});
