import { given } from '../shared/testing';
import { tenderDecider } from './decide';
import type { NoticeCommand } from './commands';
import type { TenderEvent } from '../tender/tender-events';
import { drafted, NOW, officer, terms } from '../testing/notice-fixtures';
import {
  approved,
  assessed,
  declaration,
  engagedWith,
  everyoneAssessed,
  opened,
  OTHER_SUPPLIER,
  PILOT_SUPPLIER,
  plan,
  RULES,
  shared,
  thirdOfficer,
} from '../testing/planning-fixtures';
import type { PlanningRules } from '../tender/planning-rules';

const FIFTY_MILLION = { amount: 50_000_000, currency: 'GBP' };
const noticeTerms = terms({ estimatedValue: FIFTY_MILLION });
const publish = (
  rules: PlanningRules | undefined = RULES,
  actor = thirdOfficer,
): NoticeCommand => ({
  type: 'PublishTender',
  actor,
  now: NOW,
  sealingKey: { keyId: 'dk-1', wrappedKey: 'd3JhcHBlZA==' },
  ...(rules ? { planningRules: rules } : {}),
});
const decide = (history: TenderEvent[]) => given(tenderDecider, history as never);

/** The real case: one supplier engaged, a pilot whose material nobody else saw, no approval, no assessment. */
const realCase: TenderEvent[] = [
  opened(),
  engagedWith(PILOT_SUPPLIER, 'e1', 'pilot', [
    { materialId: 'm-spec', title: 'Draft specification' },
  ]),
  drafted(noticeTerms),
];
const lawful: TenderEvent[] = [
  opened(),
  engagedWith(PILOT_SUPPLIER, 'e1', 'pilot', [
    { materialId: 'm-spec', title: 'Draft specification' },
  ]),
  engagedWith(OTHER_SUPPLIER, 'e2'),
  shared('m-spec'),
  approved(),
  everyoneAssessed(),
  drafted(noticeTerms),
];

describe('publication gates of a tender opened as a procurement (issue 14)', () => {
  it('the real case is refused: STRATEGY_NOT_APPROVED first, every failing gate listed', () => {
    decide(realCase)
      .when(publish())
      .thenFails('STRATEGY_NOT_APPROVED', {
        estimatedValue: 50_000_000,
        threshold: 500_000,
        violations: [
          expect.objectContaining({ code: 'STRATEGY_NOT_APPROVED' }),
          expect.objectContaining({ code: 'ENGAGEMENT_MATERIAL_NOT_SHARED' }),
          expect.objectContaining({ code: 'CONFLICTS_ASSESSMENT_MISSING' }),
        ],
      });
  });

  it('made lawful, it publishes and the notice says engagement took place (s.17)', () => {
    const events = tenderDecider.decide(
      publish(),
      lawful.reduce(tenderDecider.evolve as never, tenderDecider.initialState()),
    );
    expect(events[0].data).toMatchObject({
      preliminaryMarketEngagement: {
        tookPlace: true,
        engagementNoticePublishedAt: null,
        suppliersEngaged: 2,
      },
    });
  });

  it('material shown to one supplier and not shared with all: ENGAGEMENT_MATERIAL_NOT_SHARED', () => {
    decide(lawful.filter((e) => e.type !== 'EngagementMaterialShared'))
      .when(publish())
      .thenFails('ENGAGEMENT_MATERIAL_NOT_SHARED', {
        materials: [
          {
            materialId: 'm-spec',
            title: 'Draft specification',
            shownTo: PILOT_SUPPLIER,
            engagementId: 'e1',
          },
        ],
      });
  });

  it('no assessment, or one leaving out the publishing officer: CONFLICTS_ASSESSMENT_MISSING', () => {
    decide(lawful.filter((e) => e.type !== 'ConflictsAssessmentRevised'))
      .when(publish())
      .thenFails('CONFLICTS_ASSESSMENT_MISSING', { revision: null });
    const partial = lawful.map((e) =>
      e.type === 'ConflictsAssessmentRevised'
        ? assessed([declaration(officer.userId, 'author'), declaration('u-bob', 'approver')])
        : e,
    );
    decide(partial)
      .when(publish())
      .thenFails('CONFLICTS_ASSESSMENT_MISSING', { missing: [thirdOfficer.userId] });
  });

  it('below the threshold no approval is needed; the threshold is configuration', () => {
    const small = terms({ estimatedValue: { amount: 400_000, currency: 'GBP' } });
    const history = [
      opened(plan({ estimatedValue: { amount: 400_000, currency: 'GBP' } })),
      everyoneAssessed(),
      drafted(small),
    ];
    const state = history.reduce(tenderDecider.evolve as never, tenderDecider.initialState());
    expect(tenderDecider.decide(publish(), state).map((e) => e.type)).toEqual([
      'TenderPublished',
      'BidSealingKeyIssued',
    ]);
    decide(history)
      .when(publish({ ...RULES, strategyApprovalThreshold: 100_000 }))
      .thenFails('STRATEGY_NOT_APPROVED', { threshold: 100_000 });
    // Without configuration the default is £500,000.
    decide(lawful.filter((e) => e.type !== 'StrategyApproved'))
      .when(publish(undefined))
      .thenFails('STRATEGY_NOT_APPROVED', { threshold: 500_000 });
  });

  it('a rise of the value after approval needs a new approval', () => {
    const risen: TenderEvent = {
      type: 'ProcurementPlanRevised',
      data: {
        estimatedValue: { amount: 60_000_000, currency: 'GBP' },
        reason: 'More storage',
        revisedBy: officer.userId,
        revisedAt: '2025-02-16T09:00:00.000Z',
      },
    };
    decide([...lawful.slice(0, -1), risen, lawful.at(-1)!])
      .when(publish())
      .thenFails('STRATEGY_NOT_APPROVED', { estimatedValue: 60_000_000 });
    decide(
      lawful.map((e) =>
        e.type === 'TenderDrafted'
          ? drafted(terms({ estimatedValue: { amount: 70_000_000, currency: 'GBP' } }))
          : e,
      ),
    )
      .when(publish())
      .thenFails('STRATEGY_NOT_APPROVED', { estimatedValue: 70_000_000 });
  });

  it('a change of route after approval needs a new approval', () => {
    const rerouted: TenderEvent = {
      type: 'ProcurementPlanRevised',
      data: {
        route: { kind: 'competitive', procedure: 'competitive_flexible' },
        reason: 'Negotiation needed',
        revisedBy: officer.userId,
        revisedAt: '2025-02-16T09:00:00.000Z',
      },
    };
    const flexible = drafted(
      terms({ estimatedValue: FIFTY_MILLION, procedure: 'competitive_flexible' }),
    );
    decide([...lawful.slice(0, -1), rerouted, flexible])
      .when(publish())
      .thenFails('STRATEGY_NOT_APPROVED', {
        lapsedApproval: expect.objectContaining({
          route: { kind: 'competitive', procedure: 'open' },
        }),
      });
  });

  it('the notice follows the planned procedure: PROCUREMENT_ROUTE_MISMATCH', () => {
    decide([opened()])
      .when({
        type: 'DraftTender',
        tenderId: 't-cameras',
        terms: terms({ procedure: 'competitive_flexible' }),
        actor: officer,
        now: NOW,
      })
      .thenFails('PROCUREMENT_ROUTE_MISMATCH', { procedure: 'competitive_flexible' });
    decide([
      opened(
        plan({
          route: { kind: 'direct-award', ground: 'extreme-urgency', supplierId: PILOT_SUPPLIER },
        }),
      ),
    ])
      .when({
        type: 'DraftTender',
        tenderId: 't-cameras',
        terms: terms(),
        actor: officer,
        now: NOW,
      })
      .thenFails('PROCUREMENT_ROUTE_MISMATCH');
  });

  it('a tender drafted without a planning record publishes as before, with no engagement statement', () => {
    const events = tenderDecider.decide(
      publish(),
      tenderDecider.evolve(tenderDecider.initialState(), drafted(noticeTerms)),
    );
    expect(events[0].data).not.toHaveProperty('preliminaryMarketEngagement');
  });
});
