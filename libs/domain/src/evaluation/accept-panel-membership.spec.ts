import { given } from '../shared/testing';
import type { Actor } from '../shared/actor';
import {
  ACME,
  BETA,
  declared,
  EVA,
  EVAL_AT,
  EVAL_NOW,
  EVAN,
  EWAN,
  evaluator,
  inStandstill,
  openedWith,
  panelAccepted,
  panelAppointed,
  panelSeated,
  passed,
  PANEL,
  proposeAward,
  viewOf,
  fullyEvaluated,
} from '../testing/evaluation-fixtures';
import { foreignOfficer, officer, supplier } from '../testing/notice-fixtures';
import type { EvaluationCommand } from './commands';
import { awardDecider } from '../award/decide';
import { evaluationDecider } from './decide';
import { evaluationViolations } from '../tender/rule-violations';

const accept = (actor: Actor = evaluator(EVA)): EvaluationCommand => ({
  type: 'AcceptPanelMembership',
  actor,
  now: EVAL_NOW,
});
const declare = (actor: Actor): EvaluationCommand => ({
  type: 'DeclareConflict',
  actor,
  now: EVAL_NOW,
  supplierId: ACME,
  conflict: false,
});
/** The same user id as a panel member, with a token of another authority. */
const foreignEvaluator: Actor = { userId: EVA, organisationId: 'org-elsewhere', role: 'evaluator' };

describe('AcceptPanelMembership (issue 12 finding 5)', () => {
  const appointed = [...openedWith([ACME, BETA]), passed(ACME), passed(BETA), panelAppointed()];

  it('seats an appointed evaluator of the buyer, recording the organisation its token proves', () => {
    given(evaluationDecider, appointed)
      .when(accept())
      .then([
        {
          type: 'PanelMembershipAccepted',
          data: { evaluatorId: EVA, organisationId: 'org-council', acceptedAt: EVAL_AT, round: 1 },
        },
      ]);
  });

  it('accepting twice records nothing more', () => {
    given(evaluationDecider, [...appointed, panelAccepted(EVA)])
      .when(accept())
      .then([]);
  });

  it('refuses an evaluator of another authority holding a member’s id: NOT_YOUR_ORGANISATION', () => {
    given(evaluationDecider, appointed)
      .when(accept(foreignEvaluator))
      .thenFails('NOT_YOUR_ORGANISATION', { evaluatorId: EVA });
  });

  it('refuses a supplier’s user and an officer named on the panel: ROLE_NOT_ALLOWED', () => {
    const named = [
      ...openedWith([ACME, BETA]),
      panelAppointed([EVA, EVAN, supplier.userId, foreignOfficer.userId]),
    ];
    given(evaluationDecider, named).when(accept(supplier)).thenFails('ROLE_NOT_ALLOWED');
    given(evaluationDecider, named).when(accept(foreignOfficer)).thenFails('ROLE_NOT_ALLOWED');
    given(evaluationDecider, named)
      .when(accept({ ...officer, userId: 'u-olly' }))
      .thenFails('ROLE_NOT_ALLOWED');
  });

  it('refuses an evaluator of the buyer who was not appointed: NOT_ON_PANEL', () => {
    given(evaluationDecider, appointed)
      .when(accept(evaluator('u-ella')))
      .thenFails('NOT_ON_PANEL', { evaluatorId: 'u-ella' });
  });

  it('is only for a tender in evaluation: ILLEGAL_STAGE', () => {
    given(evaluationDecider, inStandstill())
      .when(accept())
      .thenFails('ILLEGAL_STAGE', { stage: 'standstill' });
  });
});

describe('A panel that counts (issue 12 finding 5)', () => {
  const base = [...openedWith([ACME, BETA]), passed(ACME), passed(BETA)];

  it('an appointed member cannot act before accepting: PANEL_MEMBERSHIP_NOT_ACCEPTED', () => {
    given(evaluationDecider, [...base, panelAppointed()])
      .when(declare(evaluator(EVA)))
      .thenFails('PANEL_MEMBERSHIP_NOT_ACCEPTED', { evaluatorId: EVA });
  });

  it('a foreign evaluator with a member’s user id cannot declare on the tender: NOT_YOUR_ORGANISATION', () => {
    given(evaluationDecider, [...base, ...panelSeated()])
      .when(declare(foreignEvaluator))
      .thenFails('NOT_YOUR_ORGANISATION', { evaluatorId: EVA });
  });

  const actions: [string, (actor: Actor) => EvaluationCommand][] = [
    ['declare', declare],
    [
      'score',
      (actor) => ({
        type: 'ScoreBid',
        actor,
        now: EVAL_NOW,
        supplierId: ACME,
        scores: [
          {
            criterionId: 'quality',
            score: 7,
            justification: 'The method statement evidences every requirement',
          },
        ],
      }),
    ],
    ['submit', (actor) => ({ type: 'SubmitEvaluation', actor, now: EVAL_NOW })],
  ];

  it.each(actions)(
    'every evaluator action checks the token: %s by a foreign token or before accepting is refused',
    (_action, command) => {
      const seated = [...base, ...panelSeated(), declared(EVA, ACME), declared(EVA, BETA)];
      given(evaluationDecider, seated)
        .when(command(foreignEvaluator))
        .thenFails('NOT_YOUR_ORGANISATION', { evaluatorId: EVA });
      given(evaluationDecider, [...base, panelAppointed()])
        .when(command(evaluator(EVA)))
        .thenFails('PANEL_MEMBERSHIP_NOT_ACCEPTED', { evaluatorId: EVA });
      given(evaluationDecider, seated)
        .when(command({ ...evaluator(EVA), role: 'officer' }))
        .thenFails('ROLE_NOT_ALLOWED');
    },
  );

  it('only accepted members count toward the panel size, naming those still to accept', () => {
    const pending = viewOf([...base, panelAppointed(), panelAccepted(EVA), panelAccepted(EWAN)]);
    expect(evaluationViolations(pending)).toContainEqual({
      code: 'PANEL_TOO_SMALL',
      message:
        'The evaluation panel has 2 evaluator(s); the notice requires 3 (only accepted members count; appointed, not yet accepted: u-evan)',
    });
    const seated = viewOf([...base, ...panelSeated()]);
    expect(evaluationViolations(seated).map((v) => v.code)).not.toContain('PANEL_TOO_SMALL');
    expect(seated.tender.evaluation.panel).toEqual(PANEL);
  });

  it('a member removed by a new appointment loses its seat; one added must accept', () => {
    const changed = [...base, ...panelSeated(), panelAppointed([EVA, EVAN, 'u-ezra'])];
    given(evaluationDecider, changed)
      .when(declare(evaluator(EWAN)))
      .thenFails('NOT_ON_PANEL', { evaluatorId: EWAN });
    given(evaluationDecider, changed)
      .when(declare(evaluator('u-ezra')))
      .thenFails('PANEL_MEMBERSHIP_NOT_ACCEPTED', { evaluatorId: 'u-ezra' });
    given(evaluationDecider, changed)
      .when(declare(evaluator(EVAN)))
      .then([
        {
          type: 'ConflictOfInterestDeclared',
          data: { evaluatorId: EVAN, supplierId: ACME, conflict: false, declaredAt: EVAL_AT },
        },
      ]);
  });

  it('the award guard counts accepted members only: a member who never accepted leaves the panel short', () => {
    // EWAN was appointed but never accepted; EVA and EVAN evaluated everything and submitted.
    const history = fullyEvaluated({ panel: [EVA, EVAN], storedPanel: true }).map((event) =>
      event.type === 'EvaluationPanelAppointed' ? panelAppointed(PANEL) : event,
    );
    given(awardDecider, history)
      .when(proposeAward(ACME))
      .thenFails('PANEL_TOO_SMALL', { rules: ['PANEL_TOO_SMALL'] });
    given(awardDecider, [...history, panelAccepted(EWAN)])
      .when(proposeAward(ACME))
      .thenFails('UNDECLARED_CONFLICT');
  });
});
