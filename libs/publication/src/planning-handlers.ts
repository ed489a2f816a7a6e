import type {
  EngagementMaterialShared,
  EngagementNoticePublished,
  ProcurementPlanRevised,
  SupplierEngagementRecorded,
  TransparencyNoticePublished,
} from '@fairtender/domain';
import { unchanged, type Handler } from './outcome';
import type { PlanningFacts, PublicationState } from './publication-state';

/** The procurement is public once a planning notice or the tender notice made it so. */
export const isPublic = (state: PublicationState): boolean =>
  state.publishedAt !== null || Boolean(state.planning?.publicSince);

const withPlanning = (
  state: PublicationState,
  change: (planning: PlanningFacts) => PlanningFacts,
): PublicationState => (state.planning ? { ...state, planning: change(state.planning) } : state);

const planningTag = (state: PublicationState) =>
  state.planning?.publicSince ? ('planningUpdate' as const) : ('planning' as const);

/**
 * Planning events (issue 14; docs/ocds.md#planning). Nothing is published while the procurement is
 * private: the engagement notice (UK2) or the transparency notice makes the first `planning` release.
 * The engagement log itself is the buyer's record; only material shared with every supplier is public.
 */
export const PLANNING_HANDLERS: Record<string, Handler<never>> = {
  ProcurementPlanRevised: ((state, data: ProcurementPlanRevised['data']) => {
    if (!state.planning) return unchanged(state);
    const next = withPlanning(state, (planning) => ({
      ...planning,
      ...(data.need ? { need: data.need } : {}),
      ...(data.estimatedValue ? { budget: data.estimatedValue } : {}),
      ...(data.route ? { route: data.route } : {}),
    }));
    return isPublic(state) && !state.publishedAt
      ? { state: next, publish: { tag: 'planningUpdate', at: data.revisedAt } }
      : { state: next };
  }) satisfies Handler<ProcurementPlanRevised['data']>,

  EngagementNoticePublished: ((state, data: EngagementNoticePublished['data']) => {
    if (!state.planning) return unchanged(state);
    const tag = planningTag(state);
    const { description, closesOn, publishedAt } = data;
    return {
      state: withPlanning(state, (planning) => ({
        ...planning,
        publicSince: planning.publicSince ?? publishedAt,
        engagementNotice: { description, closesOn, publishedAt },
      })),
      publish: { tag, at: publishedAt },
    };
  }) satisfies Handler<EngagementNoticePublished['data']>,

  SupplierEngagementRecorded: ((state, data: SupplierEngagementRecorded['data']) => ({
    state: withPlanning(state, (planning) => ({
      ...planning,
      materialTitles: {
        ...planning.materialTitles,
        ...Object.fromEntries(data.materials.map((m) => [m.materialId, m.title])),
      },
    })),
  })) satisfies Handler<SupplierEngagementRecorded['data']>,

  EngagementMaterialShared: ((state, data: EngagementMaterialShared['data']) => {
    if (!state.planning) return unchanged(state);
    const { materialId, how, sharedAt } = data;
    const title = state.planning.materialTitles[materialId] ?? materialId;
    const next = withPlanning(state, (planning) => ({
      ...planning,
      shared: [...planning.shared, { materialId, title, how, sharedAt }],
    }));
    return isPublic(state)
      ? {
          state: next,
          publish: { tag: state.publishedAt ? 'tenderUpdate' : 'planningUpdate', at: sharedAt },
        }
      : { state: next };
  }) satisfies Handler<EngagementMaterialShared['data']>,

  TransparencyNoticePublished: ((state, data: TransparencyNoticePublished['data']) => {
    if (!state.planning) return unchanged(state);
    const tag = planningTag(state);
    const { groundReference, justification, supplierId, value, publishedAt } = data;
    return {
      state: {
        ...withPlanning(state, (planning) => ({
          ...planning,
          publicSince: planning.publicSince ?? publishedAt,
          transparencyNotice: { groundReference, justification, supplierId, value, publishedAt },
        })),
        directAward: { ground: groundReference, justification },
      },
      publish: { tag, at: publishedAt },
    };
  }) satisfies Handler<TransparencyNoticePublished['data']>,
};
