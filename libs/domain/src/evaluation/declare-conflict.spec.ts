import { given } from '../shared/testing';
import {
  ACME,
  BETA,
  CEDAR,
  CONFLICT_STATEMENT,
  declared,
  EVA,
  EVAL_AT,
  EVAL_NOW,
  evaluator,
  fullyEvaluated,
  inStandstill,
  openedWith,
  panelSeated,
  passed,
} from '../testing/evaluation-fixtures';
import { officer } from '../testing/notice-fixtures';
import type { EvaluationCommand } from './commands';
import { evaluationDecider } from './decide';

const declare = (
  supplierId: string,
  conflict: boolean,
  statement?: string,
  actor = evaluator(EVA),
): EvaluationCommand => ({
  type: 'DeclareConflict',
  actor,
  now: EVAL_NOW,
  supplierId,
  conflict,
  ...(statement === undefined ? {} : { statement }),
});

describe('DeclareConflict (rule 3)', () => {
  const ready = [...openedWith([ACME, BETA]), passed(ACME), passed(BETA), ...panelSeated()];

  it('records that the evaluator has no conflict with a supplier', () => {
    given(evaluationDecider, ready)
      .when(declare(ACME, false))
      .then([
        {
          type: 'ConflictOfInterestDeclared',
          data: { evaluatorId: EVA, supplierId: ACME, conflict: false, declaredAt: EVAL_AT },
        },
      ]);
  });

  it('records a conflict with its trimmed statement', () => {
    given(evaluationDecider, ready)
      .when(declare(ACME, true, `  ${CONFLICT_STATEMENT}  `))
      .then([declared(EVA, ACME, true)]);
  });

  it('refuses a conflict without a real statement, or a declaration that is not true or false: INVALID_DECLARATION', () => {
    given(evaluationDecider, ready)
      .when(declare(ACME, true))
      .thenFails('INVALID_DECLARATION', { supplierId: ACME });
    given(evaluationDecider, ready)
      .when(declare(ACME, true, 'Spouse.'))
      .thenFails('INVALID_DECLARATION', { supplierId: ACME });
    given(evaluationDecider, ready)
      .when(declare(ACME, 'no' as unknown as boolean))
      .thenFails('INVALID_DECLARATION', { supplierId: ACME });
  });

  it('repeating a declaration records nothing', () => {
    given(evaluationDecider, [...ready, declared(EVA, ACME)])
      .when(declare(ACME, false))
      .then([]);
    given(evaluationDecider, [...ready, declared(EVA, ACME, true)])
      .when(declare(ACME, true, 'Another statement of the same family interest in its shares'))
      .then([]);
  });

  it('a conflict cannot be taken back: CONFLICT_ALREADY_DECLARED', () => {
    given(evaluationDecider, [...ready, declared(EVA, ACME, true)])
      .when(declare(ACME, false))
      .thenFails('CONFLICT_ALREADY_DECLARED', { supplierId: ACME, declaredAt: EVAL_AT });
  });

  it('a conflict may be declared later, even after submitting, and removes the evaluator from that bid', () => {
    const history = fullyEvaluated();
    given(evaluationDecider, history)
      .when(declare(ACME, true, CONFLICT_STATEMENT))
      .then([declared(EVA, ACME, true)]);
    // From then on the evaluator may not score that bid.
    given(evaluationDecider, [...ready, declared(EVA, ACME), declared(EVA, ACME, true)])
      .when({
        type: 'ScoreBid',
        actor: evaluator(EVA),
        now: EVAL_NOW,
        supplierId: ACME,
        scores: [
          {
            criterionId: 'quality',
            score: 5,
            justification: 'A fair answer on storage, training and support points',
          },
        ],
      })
      .thenFails('EVALUATOR_CONFLICTED', { supplierId: ACME, evaluatorId: EVA });
  });

  it('only for opened, standing bids: BID_NOT_FOUND', () => {
    given(evaluationDecider, ready)
      .when(declare(CEDAR, false))
      .thenFails('BID_NOT_FOUND', { supplierId: CEDAR });
  });

  it('only evaluators on the panel, while the tender is in evaluation', () => {
    given(evaluationDecider, ready)
      .when(declare(ACME, false, undefined, evaluator('u-ezra')))
      .thenFails('NOT_ON_PANEL', { evaluatorId: 'u-ezra' });
    given(evaluationDecider, ready)
      .when(declare(ACME, false, undefined, officer))
      .thenFails('ROLE_NOT_ALLOWED', { allowed: ['evaluator'] });
    given(evaluationDecider, inStandstill())
      .when(declare(ACME, true, CONFLICT_STATEMENT))
      .thenFails('ILLEGAL_STAGE', { stage: 'standstill' });
  });
});
