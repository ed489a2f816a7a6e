import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@fairtender/auth';
import type { Actor } from '@fairtender/domain';
import { ConsistentRead } from '../runtime/consistent-read';
import { GetOwnBidQuery, GetOwnBidsQuery } from './bid.queries';
import { TenderId } from '../http/params';
import { pageOf, PageQueryDto } from '../http/page';
import { ApiErrors, MIN_POSITION_HEADER } from '../http/api-errors';
import { OwnBidDto, OwnBidPageDto } from './dto/bid-responses.dto';

/** A supplier sees its own bids and signed receipts, and nothing of anyone else's. */
@ApiTags('bids')
@ApiBearerAuth()
@Controller()
export class OwnBidsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ConsistentRead,
  ) {}

  @Get('bids')
  @Roles('supplier')
  @ApiHeader(MIN_POSITION_HEADER)
  @ApiOperation({
    operationId: 'listOwnBids',
    summary: 'Your bids on every tender, with signed receipts',
  })
  @ApiErrors('INVALID_CURSOR')
  @ApiOkResponse({ type: OwnBidPageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Query() page: PageQueryDto,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    const bids = await this.queries.execute(new GetOwnBidsQuery(actor.organisationId));
    return pageOf(bids, (bid) => bid.tenderId, page);
  }

  @Get('tenders/:tenderId/bid')
  @Roles('supplier')
  @ApiHeader(MIN_POSITION_HEADER)
  @ApiOperation({
    operationId: 'getOwnBid',
    summary: 'Your bid on this tender: status, commitment hash and signed receipts',
  })
  @ApiErrors('BID_NOT_FOUND')
  @ApiOkResponse({ type: OwnBidDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('tenderId', TenderId) tenderId: string,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(new GetOwnBidQuery(tenderId, actor.organisationId));
  }
}
