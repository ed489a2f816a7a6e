import { given } from '../shared/testing';
import {
  ACME,
  BETA,
  EVA,
  EVAL_AT,
  EVAL_NOW,
  EVAN,
  EWAN,
  fullyEvaluated,
  openedWith,
  PANEL,
  panelAppointed,
  passed,
} from '../testing/evaluation-fixtures';
import {
  closedAtDeadline,
  foreignOfficer,
  officer,
  supplier,
  tendering,
  terms,
} from '../testing/notice-fixtures';
import type { EvaluationCommand } from './commands';
import { evaluationDecider } from './decide';

const appoint = (evaluatorIds: string[], actor = officer): EvaluationCommand => ({
  type: 'AppointPanel',
  actor,
  now: EVAL_NOW,
  evaluatorIds,
});

describe('AppointPanel (rule 3)', () => {
  const opened = [...openedWith([ACME, BETA]), passed(ACME), passed(BETA)];

  it('appoints the evaluators who must score every compliant bid', () => {
    given(evaluationDecider, opened)
      .when(appoint(PANEL))
      .then([
        {
          type: 'EvaluationPanelAppointed',
          data: {
            evaluatorIds: [EVA, EVAN, EWAN],
            appointedAt: EVAL_AT,
            appointedBy: officer.userId,
            round: 1,
            acceptanceRequired: true,
          },
        },
      ]);
  });

  it('re-appointing the same panel records nothing; another panel replaces it', () => {
    given(evaluationDecider, [...opened, panelAppointed()])
      .when(appoint(PANEL))
      .then([]);
    given(evaluationDecider, [...opened, panelAppointed()])
      .when(appoint([EVA, EVAN, 'u-ezra']))
      .then([panelAppointed([EVA, EVAN, 'u-ezra'])]);
  });

  it('refuses a panel smaller than the notice’s evaluatorCount: PANEL_TOO_SMALL', () => {
    given(evaluationDecider, opened)
      .when(appoint([EVA, EVAN]))
      .thenFails('PANEL_TOO_SMALL', { appointed: 2, required: 3 });
  });

  it('never accepts fewer than 2, whatever the notice says', () => {
    const history = [
      // A notice stored before evaluatorCount had to be at least 2.
      ...openedWith([ACME, BETA], terms({ evaluatorCount: 1 }), { storedNotice: true }),
    ];
    given(evaluationDecider, history)
      .when(appoint([EVA]))
      .thenFails('PANEL_TOO_SMALL', { appointed: 1, required: 2 });
    given(evaluationDecider, history)
      .when(appoint([EVA, EVAN]))
      .then([panelAppointed([EVA, EVAN])]);
  });

  it.each([
    ['a repeated evaluator', [EVA, EVA, EVAN]],
    ['a blank id', [EVA, EVAN, '  ']],
    ['a non-string id', [EVA, EVAN, 7 as unknown as string]],
  ])('refuses %s: INVALID_PANEL', (_case, ids) => {
    given(evaluationDecider, opened).when(appoint(ids)).thenFails('INVALID_PANEL');
  });

  it('refuses the appointing officer as an evaluator: INVALID_PANEL', () => {
    given(evaluationDecider, opened)
      .when(appoint([EVA, EVAN, officer.userId]))
      .thenFails('INVALID_PANEL', { evaluatorId: officer.userId });
  });

  it('cannot change the panel once an evaluator has submitted: EVALUATION_UNDER_WAY', () => {
    given(evaluationDecider, fullyEvaluated())
      .when(appoint([EVA, EVAN, 'u-ezra']))
      .thenFails('EVALUATION_UNDER_WAY', { round: 1 });
    given(evaluationDecider, fullyEvaluated()).when(appoint(PANEL)).then([]);
  });

  it('is for officers of the buyer, in evaluation', () => {
    given(evaluationDecider, opened).when(appoint(PANEL, supplier)).thenFails('ROLE_NOT_ALLOWED');
    given(evaluationDecider, opened)
      .when(appoint(PANEL, foreignOfficer))
      .thenFails('NOT_YOUR_ORGANISATION');
    given(evaluationDecider, [...tendering(), closedAtDeadline()])
      .when(appoint(PANEL))
      .thenFails('ILLEGAL_STAGE', { stage: 'closed' });
  });
});
