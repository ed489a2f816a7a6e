import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, requireRecordReader, tenderNotFound, type Actor } from '@fairtender/domain';
import { IntegrityQueries, type RedFlagFilter, type RedFlagRow } from '@fairtender/read-models';

export class GetTenderIntegrityQuery extends Query<unknown> {
  constructor(
    readonly tenderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

export class ListRedFlagsQuery extends Query<unknown> {
  constructor(
    readonly filter: RedFlagFilter,
    readonly actor: Actor,
  ) {
    super();
  }
}

/**
 * A tender's competition-integrity report, from the read model. Officers and legal see their own
 * authority's tenders only (another's is refused and recorded, a draft of another is no tender);
 * auditors see every tender.
 */
@QueryHandler(GetTenderIntegrityQuery)
export class GetTenderIntegrityHandler implements IQueryHandler<GetTenderIntegrityQuery> {
  constructor(private readonly integrity: IntegrityQueries) {}

  async execute({ tenderId, actor }: GetTenderIntegrityQuery) {
    const row = await this.integrity.getReport(tenderId);
    if (!row) throw tenderNotFound(tenderId);
    requireRecordReader(
      { stage: row.report.stage, buyerOrganisationId: row.buyerOrganisationId },
      tenderId,
      actor,
    );
    return { ...row.report, position: row.position };
  }
}

@QueryHandler(ListRedFlagsQuery)
export class ListRedFlagsHandler implements IQueryHandler<ListRedFlagsQuery> {
  constructor(private readonly integrity: IntegrityQueries) {}

  /** Legal sees its own authority's flags; oversight every authority's. */
  async execute({ filter, actor }: ListRedFlagsQuery) {
    if (actor.role === 'legal') {
      if (filter.buyerOrganisationId && filter.buyerOrganisationId !== actor.organisationId) {
        throw new DomainError(
          'NOT_YOUR_ORGANISATION',
          `Legal of ${actor.organisationId} reads its own authority's red flags only`,
          { buyerOrganisationId: filter.buyerOrganisationId },
        );
      }
      filter = { ...filter, buyerOrganisationId: actor.organisationId };
    }
    const page = await this.integrity.listRedFlags(filter);
    return { items: page.items.map(redFlagView), nextCursor: page.nextCursor };
  }
}

const redFlagView = (row: RedFlagRow) => ({
  tenderId: row.tenderId,
  buyerOrganisationId: row.buyerOrganisationId,
  key: row.flagKey,
  code: row.code,
  title: row.title,
  supplierId: row.supplierId,
  raisedAt: row.raisedAt,
  evidence: row.evidence,
});

export const INTEGRITY_QUERY_HANDLERS = [GetTenderIntegrityHandler, ListRedFlagsHandler];
