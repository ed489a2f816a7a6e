import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '@fairtender/auth';
import type { Actor } from '@fairtender/domain';
import { ConsistentRead } from '../runtime/consistent-read';
import { ListNoticesDto, ListOwnTendersDto, OwnTenderPageDto } from './dto/list-notices.dto';
import {
  GetBuyerTenderQuery,
  GetNoticeQuery,
  ListNoticesQuery,
  ListOwnTendersQuery,
} from './notice.queries';
import { TenderId } from '../http/params';
import { ApiErrors } from '../http/api-errors';
import { BuyerTenderDto, NoticePageDto, PublicNoticeDto } from './dto/notice-responses.dto';

const MIN_POSITION = {
  name: 'X-Min-Position',
  required: false,
  description: 'Wait until the read models include this position (from a command response)',
};

/** Published notices, readable by anyone without a token. */
@ApiTags('notices')
@Controller('notices')
export class NoticesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ConsistentRead,
  ) {}

  @Get()
  @Public()
  @ApiHeader(MIN_POSITION)
  @ApiOperation({
    operationId: 'listNotices',
    summary: 'Published notices, newest first',
  })
  @ApiErrors('INVALID_CURSOR')
  @ApiOkResponse({ type: NoticePageDto })
  async list(
    @Query() { limit, cursor, stage }: ListNoticesDto,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(new ListNoticesQuery(limit ?? 20, cursor, stage));
  }

  @Get(':tenderId')
  @Public()
  @ApiHeader(MIN_POSITION)
  @ApiOperation({
    operationId: 'getNotice',
    summary: 'A published notice with its amendments and answered clarifications',
  })
  @ApiOkResponse({ type: PublicNoticeDto })
  async get(
    @Param('tenderId', TenderId) tenderId: string,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(new GetNoticeQuery(tenderId));
  }
}

/** The contracting authority's own view of its tender, drafts and open questions included. */
@ApiTags('tenders')
@ApiBearerAuth()
@Controller('tenders')
export class BuyerTenderController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ConsistentRead,
  ) {}

  @Get()
  @Roles('officer', 'supplier')
  @ApiHeader(MIN_POSITION)
  @ApiOperation({
    operationId: 'listOwnTenders',
    summary:
      "A work list by stage, newest first: an officer's own authority's tenders (drafts too); a supplier's tenders it bid on, with its bid and the deadline",
  })
  @ApiErrors('INVALID_CURSOR')
  @ApiOkResponse({ type: OwnTenderPageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Query() { limit, cursor, stage }: ListOwnTendersDto,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(new ListOwnTendersQuery(actor, { limit, cursor, stage }));
  }

  @Get(':tenderId')
  @Roles('officer', 'evaluator')
  @ApiHeader(MIN_POSITION)
  @ApiOperation({
    operationId: 'getTender',
    summary: "The buyer's view of a tender (officers and evaluators of the buyer)",
  })
  @ApiErrors('NOT_YOUR_ORGANISATION')
  @ApiOkResponse({ type: BuyerTenderDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('tenderId', TenderId) tenderId: string,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(new GetBuyerTenderQuery(tenderId, actor));
  }
}
