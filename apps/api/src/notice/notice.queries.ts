import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, requireBuyerUser, type Actor, type TenderStage } from '@fairtender/domain';
import { ReadModelQueries, type TenderRow } from '@fairtender/read-models';
import { buyerTender, publicNotice } from './notice-views';
import type { OwnTenderPageDto } from './dto/list-notices.dto';

type PublicNotice = ReturnType<typeof publicNotice>;

export class ListNoticesQuery extends Query<{ items: PublicNotice[]; nextCursor: string | null }> {
  constructor(
    readonly limit: number,
    readonly cursor: string | undefined,
    readonly stage: TenderStage | undefined,
  ) {
    super();
  }
}

export class GetNoticeQuery extends Query<PublicNotice> {
  constructor(readonly tenderId: string) {
    super();
  }
}

export class GetBuyerTenderQuery extends Query<ReturnType<typeof buyerTender>> {
  constructor(
    readonly tenderId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

@QueryHandler(ListNoticesQuery)
export class ListNoticesHandler implements IQueryHandler<ListNoticesQuery> {
  constructor(private readonly queries: ReadModelQueries) {}

  async execute({ limit, cursor, stage }: ListNoticesQuery) {
    const page = await this.queries.listPublishedNotices({ limit, cursor, stage });
    return {
      items: page.items.map((row) => publicNotice(row, [])),
      nextCursor: page.nextCursor ?? null,
    };
  }
}

@QueryHandler(GetNoticeQuery)
export class GetNoticeHandler implements IQueryHandler<GetNoticeQuery> {
  constructor(private readonly queries: ReadModelQueries) {}

  async execute({ tenderId }: GetNoticeQuery) {
    const row = await this.queries.getNotice(tenderId);
    // A draft is not a notice: to the public it does not exist.
    if (!row || row.stage === 'draft') throw tenderNotFound(tenderId);
    return publicNotice(row, await this.queries.getClarifications(tenderId));
  }
}

@QueryHandler(GetBuyerTenderQuery)
export class GetBuyerTenderHandler implements IQueryHandler<GetBuyerTenderQuery> {
  constructor(private readonly queries: ReadModelQueries) {}

  async execute({ tenderId, actor }: GetBuyerTenderQuery) {
    const row = await this.queries.getNotice(tenderId);
    if (!row) throw tenderNotFound(tenderId);
    // Another authority's draft is no tender to them; a published one is refused by name.
    requireBuyerUser(row, tenderId, actor, ['officer', 'evaluator']);
    return buyerTender(row, await this.queries.getClarifications(tenderId));
  }
}

function tenderNotFound(tenderId: string): DomainError {
  return new DomainError('TENDER_NOT_FOUND', `No published tender ${tenderId}`, { tenderId });
}

export class ListOwnTendersQuery extends Query<OwnTenderPageDto> {
  constructor(
    readonly actor: Actor,
    readonly options: { limit?: number; cursor?: string; stage?: TenderStage },
  ) {
    super();
  }
}

/** An officer's work list: its own authority's tenders, never another's. */
@QueryHandler(ListOwnTendersQuery)
export class ListOwnTendersHandler implements IQueryHandler<ListOwnTendersQuery> {
  constructor(private readonly queries: ReadModelQueries) {}

  async execute({ actor, options }: ListOwnTendersQuery): Promise<OwnTenderPageDto> {
    if (actor.role === 'supplier') {
      // A supplier's list: the tenders it bid on, with its bid and the deadline it runs to.
      const page = await this.queries.listSupplierTenders(actor.organisationId, options);
      return {
        items: page.items.map((row) => {
          const bid = page.bids.get(row.tenderId);
          return {
            ...ownTenderItem(row),
            ...(bid ? { bid: { status: bid.status, receivedAt: bid.receivedAt } } : {}),
          };
        }),
        nextCursor: page.nextCursor,
      };
    }
    const page = await this.queries.listAuthorityTenders(actor.organisationId, options);
    return { items: page.items.map(ownTenderItem), nextCursor: page.nextCursor };
  }
}

function ownTenderItem(row: TenderRow): OwnTenderPageDto['items'][number] {
  return {
    tenderId: row.tenderId,
    stage: row.stage,
    title: row.title,
    noticeVersion: row.noticeVersion,
    draftedAt: row.draftedAt,
    publishedAt: row.publishedAt,
    submissionDeadline: row.submissionDeadline,
    awardSuspended: row.awardSuspendedBy.length > 0,
    revision: row.lastRevision,
  };
}

export const NOTICE_QUERY_HANDLERS = [
  ListNoticesHandler,
  GetNoticeHandler,
  GetBuyerTenderHandler,
  ListOwnTendersHandler,
];
