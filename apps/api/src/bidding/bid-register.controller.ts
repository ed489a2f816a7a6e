import { Controller, Get, Headers, Param, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '@fairtender/auth';
import type { Actor } from '@fairtender/domain';
import { ApiError } from '../http/api-error';
import { ConsistentRead } from '../runtime/consistent-read';
import { GetBidRegisterQuery, ReadBidContentQuery } from './bid.queries';
import { TenderId } from '../http/params';
import { ApiErrors, MIN_POSITION_HEADER } from '../http/api-errors';
import { BidRegisterDto, OpenedBidDto } from './dto/bid-responses.dto';

const SUPPLIER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The contracting authority's register of bids, and their contents once opened. */
@ApiTags('bids')
@ApiBearerAuth()
@Controller('tenders/:tenderId/bids')
export class BidRegisterController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ConsistentRead,
  ) {}

  @Get()
  @Roles('officer', 'evaluator')
  @ApiHeader(MIN_POSITION_HEADER)
  @ApiOperation({
    operationId: 'getBidRegister',

    summary: 'Bid register: count and receipt times before opening; the bids after',
  })
  @ApiErrors('NOT_YOUR_ORGANISATION')
  @ApiOkResponse({ type: BidRegisterDto })
  async register(
    @CurrentActor() actor: Actor,
    @Param('tenderId', TenderId) tenderId: string,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(new GetBidRegisterQuery(tenderId, actor));
  }

  @Get(':supplierId/content')
  @Roles('officer', 'evaluator')
  @ApiOperation({
    operationId: 'getBidContent',

    summary: "A bid's content: refused with SEALED (and recorded) until the bids are opened",
  })
  @ApiErrors(
    'SEALED',
    'NOT_YOUR_ORGANISATION',
    'NOT_ON_PANEL',
    'PANEL_MEMBERSHIP_NOT_ACCEPTED',
    'CONFLICTED_FROM_BID',
    'BID_NOT_FOUND',
  )
  @ApiOkResponse({ type: OpenedBidDto })
  content(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Param('supplierId') supplierId: string,
  ) {
    if (!SUPPLIER_ID.test(supplierId)) {
      throw new ApiError(400, 'INVALID_PARAMETER', 'supplierId is not a supplier id', {
        parameter: 'supplierId',
      });
    }
    return this.queries.execute(new ReadBidContentQuery(tenderId, supplierId, actor, request.id));
  }
}
