import { Controller, Get, Headers, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@fairtender/auth';
import type { Actor } from '@fairtender/domain';
import { ConsistentRead } from '../runtime/consistent-read';
import { GetOwnBidQuery, GetOwnBidsQuery } from './bid.queries';
import { TenderId } from '../http/params';

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
  @ApiOperation({ summary: 'Your bids on every tender, with signed receipts' })
  async list(@CurrentActor() actor: Actor, @Headers() headers: Record<string, string>) {
    await this.consistency.await(headers);
    return this.queries.execute(new GetOwnBidsQuery(actor.organisationId));
  }

  @Get('tenders/:tenderId/bid')
  @Roles('supplier')
  @ApiOperation({ summary: 'Your bid on this tender: status, commitment hash and signed receipts' })
  async get(
    @CurrentActor() actor: Actor,
    @Param('tenderId', TenderId) tenderId: string,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(new GetOwnBidQuery(tenderId, actor.organisationId));
  }
}
