import { Controller, Get, Headers, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@fairtender/auth';
import type { Actor } from '@fairtender/domain';
import { ConsistentRead } from '../runtime/consistent-read';
import { TenderId } from '../http/params';
import { RedFlagsQueryDto } from './dto/red-flags-query.dto';
import { GetTenderIntegrityQuery, ListRedFlagsQuery } from './integrity.queries';
import { ApiErrors, MIN_POSITION_HEADER } from '../http/api-errors';
import { RedFlagPageDto, TenderIntegrityDto } from './dto/integrity-responses.dto';

/** Competition integrity (docs/integrity.md): the figures the award rules check, shown live, with red flags. */
@ApiTags('competition integrity')
@ApiBearerAuth()
@Controller()
export class IntegrityController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ConsistentRead,
  ) {}

  @Get('tenders/:tenderId/integrity')
  @Roles('officer', 'legal', 'auditor')
  @ApiHeader(MIN_POSITION_HEADER)
  @ApiOperation({
    operationId: 'getTenderIntegrity',

    summary:
      "A tender's integrity report: bids received, compliant, excluded and fully evaluated; the panel; the coverage matrix; open rule violations; the award; red flags with their evidence",
  })
  @ApiErrors('NOT_YOUR_ORGANISATION')
  @ApiOkResponse({ type: TenderIntegrityDto })
  async tenderIntegrity(
    @CurrentActor() actor: Actor,
    @Param('tenderId', TenderId) tenderId: string,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(new GetTenderIntegrityQuery(tenderId, actor));
  }

  @Get('integrity/red-flags')
  @Roles('legal', 'auditor')
  @ApiHeader(MIN_POSITION_HEADER)
  @ApiOperation({
    operationId: 'listRedFlags',

    summary:
      'Red flags across tenders, newest first: filter by code, buyer, supplier, tender and time; paged',
  })
  @ApiErrors('INVALID_CURSOR')
  @ApiOkResponse({ type: RedFlagPageDto })
  async redFlags(
    @CurrentActor() actor: Actor,
    @Query() query: RedFlagsQueryDto,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(new ListRedFlagsQuery(query, actor));
  }
}
