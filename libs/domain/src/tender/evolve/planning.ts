import type { EvaluationPanelAppointed } from '../events/evaluation';
import type { PlanningEvent } from '../events/planning';
import type { PlanningState } from '../planning-state';
import type { TenderState } from '../state';

const withPlanning = (state: TenderState, change: (planning: PlanningState) => PlanningState) =>
  state.planning ? { ...state, planning: change(state.planning) } : state;

/** Folds the procurement's events before the notice into `state.planning`. */
export function evolvePlanning(state: TenderState, event: PlanningEvent): TenderState {
  switch (event.type) {
    case 'ProcurementOpened': {
      const { tenderId, buyerOrganisationId, openedBy, openedAt, ...plan } = event.data;
      return {
        ...state,
        stage: 'planning',
        tenderId,
        buyerOrganisationId,
        planning: {
          plan,
          openedBy,
          openedAt,
          actors: { [openedBy]: 'author' },
          approvals: [],
          engagements: [],
          sharedMaterials: {},
          conflicts: [],
        },
      };
    }
    case 'ProcurementPlanRevised': {
      const { reason: _reason, revisedBy, revisedAt: _at, ...changes } = event.data;
      return withPlanning(state, (planning) => ({
        ...planning,
        plan: { ...planning.plan, ...changes },
        actors: { ...planning.actors, [revisedBy]: planning.actors[revisedBy] ?? 'officer' },
      }));
    }
    case 'StrategyApproved':
      return withPlanning(state, (planning) => ({
        ...planning,
        approval: event.data,
        approvals: [...planning.approvals, event.data],
        actors: { ...planning.actors, [event.data.approvedBy]: 'approver' },
      }));
    case 'EngagementNoticePublished': {
      const { publishedBy } = event.data;
      return withPlanning(state, (planning) => ({
        ...planning,
        engagementNotice: { ...event.data },
        actors: { ...planning.actors, [publishedBy]: planning.actors[publishedBy] ?? 'officer' },
      }));
    }
    case 'SupplierEngagementRecorded': {
      const { recordedBy } = event.data;
      return withPlanning(state, (planning) => ({
        ...planning,
        engagements: [...planning.engagements, { ...event.data }],
        actors: { ...planning.actors, [recordedBy]: planning.actors[recordedBy] ?? 'officer' },
      }));
    }
    case 'EngagementMaterialShared': {
      const { materialId, how, sharedAt, sharedBy } = event.data;
      return withPlanning(state, (planning) => ({
        ...planning,
        sharedMaterials: { ...planning.sharedMaterials, [materialId]: { how, sharedAt, sharedBy } },
        actors: { ...planning.actors, [sharedBy]: planning.actors[sharedBy] ?? 'officer' },
      }));
    }
    case 'ConflictsAssessmentRevised':
      return withPlanning(state, (planning) => ({
        ...planning,
        conflicts: [...planning.conflicts, { ...event.data, cause: 'recorded' }],
      }));
    case 'TransparencyNoticePublished': {
      const { publishedBy } = event.data;
      return withPlanning(state, (planning) => ({
        ...planning,
        transparencyNotice: { ...event.data },
        actors: { ...planning.actors, [publishedBy]: planning.actors[publishedBy] ?? 'officer' },
      }));
    }
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
}

/**
 * A panel appointment revises the conflicts assessment (PA 2023 s.83(5): kept under review): its new
 * members join as evaluators, their declaration to come from their own conflict declarations.
 */
export function evolvePlanningOnPanel(
  state: TenderState,
  event: EvaluationPanelAppointed,
): TenderState {
  return withPlanning(state, (planning) => {
    const latest = planning.conflicts.at(-1);
    const known = new Set(latest?.persons.map((person) => person.userId) ?? []);
    const joining = event.data.evaluatorIds.filter((id) => !known.has(id));
    const actors = { ...planning.actors };
    for (const id of event.data.evaluatorIds) actors[id] = actors[id] ?? 'evaluator';
    if (joining.length === 0) return { ...planning, actors };
    return {
      ...planning,
      actors,
      conflicts: [
        ...planning.conflicts,
        {
          revision: (latest?.revision ?? 0) + 1,
          persons: [
            ...(latest?.persons ?? []),
            ...joining.map((userId) => ({
              userId,
              capacity: 'evaluator' as const,
              conflict: null,
              declaration:
                'Appointed to the evaluation panel: declares per supplier in their own stream (ConflictOfInterestDeclared)',
            })),
          ],
          reason: `Panel appointment of ${joining.join(', ')}`,
          revisedBy: event.data.appointedBy,
          revisedAt: event.data.appointedAt,
          cause: 'panel-appointed',
        },
      ],
    };
  });
}
