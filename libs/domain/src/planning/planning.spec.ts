import { given } from '../shared/testing';
import {
  officer,
  secondOfficer,
  supplier,
  foreignOfficer,
  TENDER_ID,
  terms,
  drafted,
} from '../testing/notice-fixtures';
import {
  approved,
  assessed,
  declaration,
  directRoute,
  engagedWith,
  everyoneAssessed,
  opened,
  OPENED_AT,
  OTHER_SUPPLIER,
  PILOT_SUPPLIER,
  plan,
  planningCommand,
  PLANNING_NOW,
  RULES,
  shared,
  thirdOfficer,
} from '../testing/planning-fixtures';
import { planningDecider } from './decide';
import { evolveTender } from '../tender/evolve';
import { initialTenderState } from '../tender/state';
import type { TenderEvent } from '../tender/tender-events';

const fold = (events: TenderEvent[]) => events.reduce(evolveTender, initialTenderState());

describe('OpenProcurement: the tender stream starts with the plan (stage planning)', () => {
  it('records need, value, CPV codes, route, options appraisal and the incumbent', () => {
    given(planningDecider, [])
      .when(
        planningCommand({
          type: 'OpenProcurement',
          tenderId: TENDER_ID,
          plan: plan(),
          now: new Date(OPENED_AT),
        }),
      )
      .then([opened()]);
    expect(fold([opened()])).toMatchObject({ stage: 'planning', tenderId: TENDER_ID });
  });

  it('is for officers, on a new stream', () => {
    given(planningDecider, [])
      .when(
        planningCommand({
          type: 'OpenProcurement',
          tenderId: TENDER_ID,
          plan: plan(),
          actor: supplier,
        }),
      )
      .thenFails('ROLE_NOT_ALLOWED');
    given(planningDecider, [opened()])
      .when(planningCommand({ type: 'OpenProcurement', tenderId: TENDER_ID, plan: plan() }))
      .thenFails('TENDER_ALREADY_EXISTS');
  });

  it('every option is named with a real reason, and one is kept: INVALID_PROCUREMENT', () => {
    const [first, ...rest] = plan().optionsAppraisal;
    given(planningDecider, [])
      .when(
        planningCommand({
          type: 'OpenProcurement',
          tenderId: TENDER_ID,
          plan: plan({ optionsAppraisal: [{ ...first, reason: 'Good.' }, ...rest] }),
        }),
      )
      .thenFails('INVALID_PROCUREMENT', { field: 'optionsAppraisal[0].reason' });
    given(planningDecider, [])
      .when(
        planningCommand({
          type: 'OpenProcurement',
          tenderId: TENDER_ID,
          plan: plan({
            optionsAppraisal: plan().optionsAppraisal.map((o) => ({
              ...o,
              decision: 'dropped' as const,
            })),
          }),
        }),
      )
      .thenFails('INVALID_PROCUREMENT', { field: 'optionsAppraisal' });
  });

  it('a direct award route needs a Schedule 5 ground (s.43 "no suitable tenders" is not one): INVALID_LEGAL_GROUND', () => {
    given(planningDecider, [])
      .when(
        planningCommand({
          type: 'OpenProcurement',
          tenderId: TENDER_ID,
          plan: plan({ route: { ...directRoute, ground: 'no-suitable-tenders' } as never }),
        }),
      )
      .thenFails('INVALID_LEGAL_GROUND', { allowed: expect.arrayContaining(['extreme-urgency']) });
  });

  it('a direct award goes to a supplier the appraisal kept, under the UK Act only', () => {
    given(planningDecider, [])
      .when(
        planningCommand({
          type: 'OpenProcurement',
          tenderId: TENDER_ID,
          plan: plan({ route: { ...directRoute, supplierId: 'org-zed' } as never }),
        }),
      )
      .thenFails('INVALID_PROCUREMENT', { field: 'optionsAppraisal' });
    given(planningDecider, [])
      .when(
        planningCommand({
          type: 'OpenProcurement',
          tenderId: TENDER_ID,
          plan: plan({ route: directRoute, jurisdiction: 'eu-remedies' }),
        }),
      )
      .thenFails('PROCEDURE_NOT_AVAILABLE');
  });
});

describe('ApproveStrategy: an approver other than the author', () => {
  const approve = (actor = secondOfficer, rules = RULES) =>
    planningCommand({
      type: 'ApproveStrategy',
      actor,
      rules,
      reasons: 'The options appraisal weighed the market fairly and open competition fits the need',
      now: new Date('2025-02-05T09:00:00.000Z'),
    });

  it('records who approved, why, and the route and value approved', () => {
    given(planningDecider, [opened()])
      .when(approve())
      .then([approved() as never]);
  });

  it('refuses an officer without the approver permission: APPROVER_PERMISSION_REQUIRED', () => {
    given(planningDecider, [opened()])
      .when(approve(thirdOfficer))
      .thenFails('APPROVER_PERMISSION_REQUIRED', { userId: thirdOfficer.userId });
  });

  it('refuses the author, even holding the permission: STRATEGY_SELF_APPROVAL', () => {
    given(planningDecider, [opened()])
      .when(approve(officer, { ...RULES, strategyApprovers: [officer.userId] }))
      .thenFails('STRATEGY_SELF_APPROVAL', { author: officer.userId });
  });

  it('only officers of the buyer, before the notice', () => {
    given(planningDecider, [opened()])
      .when(approve(foreignOfficer))
      .thenFails('NOT_YOUR_ORGANISATION');
    given(planningDecider, [drafted()]).when(approve()).thenFails('TENDER_NOT_FOUND');
  });
});

describe('Preliminary market engagement (PA 2023 ss.16–17)', () => {
  const record = (overrides: Record<string, unknown> = {}) =>
    planningCommand({
      type: 'RecordSupplierEngagement',
      engagementId: 'e1',
      kind: 'pilot',
      date: '2025-02-10',
      supplierId: PILOT_SUPPLIER,
      peoplePresent: ['u-alice', 'acme-sales'],
      summary: 'Six-week pilot of the cameras with two response teams, footage stored by Acme',
      materials: [{ materialId: 'm-spec', title: 'Draft evidence storage specification' }],
      ...overrides,
    } as never);

  it('logs each contact with date, supplier, people present, summary and material', () => {
    const [event] = given(planningDecider, [opened()])
      .when(record())
      .then([
        {
          type: 'SupplierEngagementRecorded',
          data: {
            engagementId: 'e1',
            kind: 'pilot',
            date: '2025-02-10',
            supplierId: PILOT_SUPPLIER,
            peoplePresent: ['u-alice', 'acme-sales'],
            summary:
              'Six-week pilot of the cameras with two response teams, footage stored by Acme',
            materials: [{ materialId: 'm-spec', title: 'Draft evidence storage specification' }],
            recordedBy: officer.userId,
            recordedAt: PLANNING_NOW.toISOString(),
          },
        },
      ]);
    expect(fold([opened(), event]).planning?.engagements).toHaveLength(1);
  });

  it('refuses a contact not yet held, or without anyone present: INVALID_PROCUREMENT', () => {
    given(planningDecider, [opened()])
      .when(record({ date: '2025-03-01' }))
      .thenFails('INVALID_PROCUREMENT', { field: 'date' });
    given(planningDecider, [opened()])
      .when(record({ peoplePresent: [] }))
      .thenFails('INVALID_PROCUREMENT', { field: 'peoplePresent' });
    given(planningDecider, [opened()])
      .when(record({ kind: 'lunch' }))
      .thenFails('INVALID_PROCUREMENT', { field: 'kind' });
  });

  it('a retry records nothing; the same id with other content is ENGAGEMENT_ID_REUSED', () => {
    const first = planningDecider.decide(record(), fold([opened()]));
    given(planningDecider, [opened(), ...first])
      .when(record())
      .then([]);
    given(planningDecider, [opened(), ...first])
      .when(record({ supplierId: OTHER_SUPPLIER }))
      .thenFails('ENGAGEMENT_ID_REUSED', { engagementId: 'e1' });
  });

  it('shares only material some engagement showed: MATERIAL_NOT_FOUND', () => {
    given(planningDecider, [opened()])
      .when(
        planningCommand({
          type: 'ShareEngagementMaterial',
          materialId: 'm-x',
          how: 'Published with the engagement notice to every interested supplier',
        }),
      )
      .thenFails('MATERIAL_NOT_FOUND', { materialId: 'm-x' });
  });

  it('publishes the UK2 notice with its closing date', () => {
    given(planningDecider, [opened()])
      .when(
        planningCommand({
          type: 'PublishEngagementNotice',
          description:
            'Open market engagement day for body-worn video and evidence storage suppliers',
          closesOn: '2025-03-01',
        }),
      )
      .then([
        {
          type: 'EngagementNoticePublished',
          data: {
            description:
              'Open market engagement day for body-worn video and evidence storage suppliers',
            closesOn: '2025-03-01',
            publishedBy: officer.userId,
            publishedAt: PLANNING_NOW.toISOString(),
          },
        },
      ]);
  });
});

describe('Conflicts assessment (PA 2023 ss.81–83)', () => {
  const revise = (persons: unknown[]) =>
    planningCommand({
      type: 'ReviseConflictsAssessment',
      persons,
      reason: 'Assessment before the notice covering everyone who has acted so far',
    } as never);

  it('numbers each revision and keeps them all', () => {
    const first = planningDecider.decide(
      revise([declaration(officer.userId, 'author')]),
      fold([opened()]),
    );
    const second = planningDecider.decide(
      revise([
        declaration(officer.userId, 'author'),
        declaration(secondOfficer.userId, 'approver'),
      ]),
      fold([opened(), ...first]),
    );
    expect(second[0].data).toMatchObject({ revision: 2 });
    expect(
      fold([opened(), ...first, ...second]).planning?.conflicts.map((c) => c.revision),
    ).toEqual([1, 2]);
  });

  it('a declared conflict records its mitigation (s.82): INVALID_CONFLICTS_ASSESSMENT', () => {
    given(planningDecider, [opened()])
      .when(revise([{ ...declaration(officer.userId, 'author'), conflict: true }]))
      .thenFails('INVALID_CONFLICTS_ASSESSMENT', { field: 'persons[0].mitigation' });
    given(planningDecider, [opened()])
      .when(revise([declaration(officer.userId, 'author'), declaration(officer.userId, 'officer')]))
      .thenFails('INVALID_CONFLICTS_ASSESSMENT', { field: 'persons[1].userId' });
  });

  it('a panel appointment revises it with the new members; the earlier revisions stay', () => {
    const state = fold([
      opened(),
      everyoneAssessed(),
      {
        type: 'EvaluationPanelAppointed',
        data: {
          evaluatorIds: ['u-eva', 'u-evan'],
          appointedAt: '2025-04-01T09:00:00.000Z',
          appointedBy: officer.userId,
          round: 1,
          acceptanceRequired: false,
        },
      },
    ]);
    const revisions = state.planning!.conflicts;
    expect(revisions.map((r) => [r.revision, r.cause])).toEqual([
      [1, 'recorded'],
      [2, 'panel-appointed'],
    ]);
    expect(revisions[1].persons.map((p) => p.userId)).toEqual([
      officer.userId,
      secondOfficer.userId,
      thirdOfficer.userId,
      'u-eva',
      'u-evan',
    ]);
    expect(revisions[1].persons.at(-1)).toMatchObject({ capacity: 'evaluator', conflict: null });
  });
});

describe('Transparency notice (PA 2023 s.44)', () => {
  const direct = opened(
    plan({ route: directRoute, estimatedValue: { amount: 300_000, currency: 'GBP' } }),
  );
  const publish = (actor = officer) =>
    planningCommand({
      type: 'PublishTransparencyNotice',
      actor,
      rules: RULES,
      justification: 'The current cameras fail in June and no other supplier can deliver by then',
      value: { amount: 300_000, currency: 'GBP' },
    });

  it('publishes ground with the Act’s reference, justification, supplier and value', () => {
    given(planningDecider, [direct, assessed([declaration(officer.userId, 'author')])])
      .when(publish())
      .then([
        {
          type: 'TransparencyNoticePublished',
          data: {
            ground: 'extreme-urgency',
            groundReference: expect.stringContaining('Sch. 5') as unknown as string,
            justification:
              'The current cameras fail in June and no other supplier can deliver by then',
            supplierId: PILOT_SUPPLIER,
            value: { amount: 300_000, currency: 'GBP' },
            publishedBy: officer.userId,
            publishedAt: PLANNING_NOW.toISOString(),
          },
        },
      ]);
  });

  it('needs the conflicts assessment first (s.83(1)): CONFLICTS_ASSESSMENT_MISSING', () => {
    given(planningDecider, [direct]).when(publish()).thenFails('CONFLICTS_ASSESSMENT_MISSING');
  });

  it('needs the strategy approved above the threshold: STRATEGY_NOT_APPROVED', () => {
    given(planningDecider, [
      opened(plan({ route: directRoute })),
      assessed([declaration(officer.userId, 'author')]),
    ])
      .when(publish())
      .thenFails('STRATEGY_NOT_APPROVED', { threshold: 500_000 });
  });

  it('is published once: ILLEGAL_STAGE', () => {
    const history = [direct, assessed([declaration(officer.userId, 'author')])];
    const first = planningDecider.decide(publish(), fold(history));
    given(planningDecider, [...history, ...first])
      .when(publish())
      .thenFails('ILLEGAL_STAGE');
  });

  it('is for a direct-award route only: PROCUREMENT_ROUTE_MISMATCH', () => {
    given(planningDecider, [opened(), everyoneAssessed()])
      .when(publish())
      .thenFails('PROCUREMENT_ROUTE_MISMATCH');
  });
});

describe('ReviseProcurementPlan', () => {
  it('records the change and why', () => {
    given(planningDecider, [opened()])
      .when(
        planningCommand({
          type: 'ReviseProcurementPlan',
          changes: { estimatedValue: { amount: 60_000_000, currency: 'GBP' } },
          reason: 'Storage volumes were underestimated by the first business case',
        }),
      )
      .then([
        {
          type: 'ProcurementPlanRevised',
          data: {
            estimatedValue: { amount: 60_000_000, currency: 'GBP' },
            reason: 'Storage volumes were underestimated by the first business case',
            revisedBy: officer.userId,
            revisedAt: PLANNING_NOW.toISOString(),
          },
        },
      ]);
  });

  it('a revision that changes nothing is INVALID_PROCUREMENT', () => {
    given(planningDecider, [opened()])
      .when(
        planningCommand({
          type: 'ReviseProcurementPlan',
          changes: {},
          reason: 'Storage volumes were underestimated by the first business case',
        }),
      )
      .thenFails('INVALID_PROCUREMENT', { field: 'changes' });
  });
});

export const lawfulPlanning = (): TenderEvent[] => [
  opened(),
  engagedWith(PILOT_SUPPLIER, 'e1', 'pilot', [
    { materialId: 'm-spec', title: 'Draft specification' },
  ]),
  engagedWith(OTHER_SUPPLIER, 'e2'),
  shared('m-spec'),
  approved(),
  everyoneAssessed(),
  drafted(terms({ estimatedValue: { amount: 50_000_000, currency: 'GBP' } })),
];
