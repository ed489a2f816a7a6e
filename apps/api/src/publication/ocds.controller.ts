import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@fairtender/auth';
import { AppConfig } from '@fairtender/config';
import { ConsistentRead } from '../runtime/consistent-read';
import { TenderId } from '../http/params';
import { FEED_DEFAULT_LIMIT, OcdsFeedDto } from './dto/ocds-feed.dto';
import {
  GetReleaseFeedQuery,
  GetTenderRecordPackageQuery,
  GetTenderReleasePackageQuery,
  type PackageAddress,
} from './ocds.queries';
import { ApiErrors } from '../http/api-errors';
import { OcdsRecordPackageDto, OcdsReleasePackageDto } from './dto/ocds-responses.dto';

const MIN_POSITION = {
  name: 'X-Min-Position',
  required: false,
  description: 'Wait until the read models include this position (from a command response)',
};

/**
 * Open Contracting Data Standard 1.1.5 with the bid extension, for anyone, without a token: each
 * published tender's releases and record, and a feed of every release in the order of the log.
 */
@ApiTags('publication (OCDS)')
@Controller('ocds')
export class OcdsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ConsistentRead,
    private readonly config: AppConfig,
  ) {}

  @Get('tenders/:tenderId/releases')
  @Public()
  @ApiHeader(MIN_POSITION)
  @ApiOperation({
    operationId: 'getTenderReleasePackage',
    summary: 'A release package with every release of a published tender',
  })
  @ApiOkResponse({ type: OcdsReleasePackageDto })
  async releases(
    @Param('tenderId', TenderId) tenderId: string,
    @Req() request: FastifyRequest,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(new GetTenderReleasePackageQuery(tenderId, this.address(request)));
  }

  @Get('tenders/:tenderId/record')
  @Public()
  @ApiHeader(MIN_POSITION)
  @ApiOperation({
    operationId: 'getTenderRecordPackage',

    summary: 'A record package: the tender’s releases embedded and its compiled release',
  })
  @ApiOkResponse({ type: OcdsRecordPackageDto })
  async record(
    @Param('tenderId', TenderId) tenderId: string,
    @Req() request: FastifyRequest,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(new GetTenderRecordPackageQuery(tenderId, this.address(request)));
  }

  @Get('releases')
  @Public()
  @ApiHeader(MIN_POSITION)
  @ApiOperation({
    operationId: 'listReleases',

    summary:
      'Every release of every tender in the order they were made, as release packages; follow links.next (204 when nothing follows yet)',
  })
  @ApiErrors('INVALID_CURSOR', 'INVALID_MOMENT')
  @ApiOkResponse({
    type: OcdsReleasePackageDto,
    description: 'The next releases; follow links.next',
  })
  @ApiNoContentResponse({ description: 'Nothing follows yet' })
  async feed(
    @Query() { since, cursor, limit }: OcdsFeedDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    const page = await this.queries.execute(
      new GetReleaseFeedQuery(
        { since, cursor, limit: limit ?? FEED_DEFAULT_LIMIT },
        this.address(request),
      ),
    );
    // An OCDS package holds at least one release: an empty page is "nothing yet", not a package.
    if (!page) void reply.status(204);
    return page;
  }

  private address(request: FastifyRequest): PackageAddress {
    const baseUrl = this.config.publication.baseUrl ?? `${request.protocol}://${request.host}`;
    return { baseUrl, path: request.url };
  }
}
