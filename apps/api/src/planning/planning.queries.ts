import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, requireBuyerUser, standingApproval, type Actor } from '@fairtender/domain';
import { ReadModelQueries, type ProcurementRow } from '@fairtender/read-models';
import { ApiError } from '../http/api-error';

export class GetProcurementQuery extends Query<unknown> {
  constructor(
    readonly tenderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

export class GetPublicPlanningNoticeQuery extends Query<unknown> {
  constructor(
    readonly tenderId: string,
    readonly notice: 'engagement' | 'transparency',
  ) {
    super();
  }
}

const noProcurement = (tenderId: string) =>
  new DomainError('TENDER_NOT_FOUND', `No procurement ${tenderId}`, { tenderId });

/** The buyer's planning record from rm_procurements: its officers, legal, and oversight. */
@QueryHandler(GetProcurementQuery)
export class GetProcurementHandler implements IQueryHandler<GetProcurementQuery> {
  constructor(private readonly queries: ReadModelQueries) {}

  async execute({ tenderId, actor }: GetProcurementQuery) {
    const row = await this.queries.getProcurement(tenderId);
    if (!row) throw noProcurement(tenderId);
    requireBuyerUser(row, tenderId, actor, ['officer', 'legal', 'auditor']);
    return procurementView(row);
  }
}

export function procurementView(row: ProcurementRow) {
  const { record } = row;
  return {
    tenderId: row.tenderId,
    buyerOrganisationId: row.buyerOrganisationId,
    stage: row.stage,
    plan: record.plan,
    openedBy: record.openedBy,
    openedAt: record.openedAt,
    approvalStands: standingApproval(record) !== undefined,
    approvals: record.approvals,
    ...(record.engagementNotice ? { engagementNotice: record.engagementNotice } : {}),
    engagements: record.engagements,
    sharedMaterials: record.sharedMaterials,
    conflictsAssessment: record.conflicts,
    ...(record.transparencyNotice ? { transparencyNotice: record.transparencyNotice } : {}),
  };
}

/**
 * The public notices of the planning stage, readable without a token once published: the UK2
 * engagement notice (with the material shared with every supplier) and the s.44 transparency notice.
 */
@QueryHandler(GetPublicPlanningNoticeQuery)
export class GetPublicPlanningNoticeHandler implements IQueryHandler<GetPublicPlanningNoticeQuery> {
  constructor(private readonly queries: ReadModelQueries) {}

  async execute({ tenderId, notice }: GetPublicPlanningNoticeQuery) {
    const row = await this.queries.getProcurement(tenderId);
    const { record } = row ?? {};
    if (notice === 'engagement') {
      const published = record?.engagementNotice;
      if (!row || !record || !published)
        throw notPublished(tenderId, 'ENGAGEMENT_NOTICE_NOT_FOUND');
      const titles = new Map(
        record.engagements.flatMap((e) => e.materials.map((m) => [m.materialId, m.title] as const)),
      );
      return {
        tenderId,
        buyerOrganisationId: row.buyerOrganisationId,
        need: record.plan.need,
        cpvCodes: record.plan.cpvCodes,
        description: published.description,
        closesOn: published.closesOn,
        publishedAt: published.publishedAt,
        sharedMaterials: Object.keys(record.sharedMaterials)
          .sort()
          .map((materialId) => ({ materialId, title: titles.get(materialId) ?? materialId })),
      };
    }
    const published = record?.transparencyNotice;
    if (!row || !record || !published)
      throw notPublished(tenderId, 'TRANSPARENCY_NOTICE_NOT_FOUND');
    const { publishedBy: _by, ...notice_ } = published;
    return {
      tenderId,
      buyerOrganisationId: row.buyerOrganisationId,
      need: record.plan.need,
      ...notice_,
    };
  }
}

function notPublished(
  tenderId: string,
  code: 'ENGAGEMENT_NOTICE_NOT_FOUND' | 'TRANSPARENCY_NOTICE_NOT_FOUND',
) {
  return new ApiError(
    404,
    code,
    `No ${code === 'ENGAGEMENT_NOTICE_NOT_FOUND' ? 'engagement' : 'transparency'} notice has been published for ${tenderId}`,
    {
      tenderId,
    },
  );
}

export const PLANNING_QUERY_HANDLERS = [GetProcurementHandler, GetPublicPlanningNoticeHandler];
