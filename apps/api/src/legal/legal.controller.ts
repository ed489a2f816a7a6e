import { Readable } from 'node:stream';
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '@fairtender/auth';
import type { Actor } from '@fairtender/domain';
import { LegalReplay, manifestLine } from '@fairtender/legal';
import { DiffQueryDto, HistoryQueryDto, StateQueryDto } from './dto/legal-queries.dto';
import {
  GetTenderDiffQuery,
  GetTenderHistoryQuery,
  GetTenderStateQuery,
  VerifyTenderQuery,
} from './legal.queries';
import { TenderId } from '../http/params';
import { RecordReaderGuard } from './record-reader.guard';
import { ApiErrors } from '../http/api-errors';
import {
  HistoryPageDto,
  TenderDiffDto,
  TenderStateViewDto,
  VerificationReportDto,
} from './dto/legal-responses.dto';

/**
 * Legal replay for legal teams and oversight bodies (docs/legal-replay.md): every look is recorded in
 * `tender-<id>.audit`, and bid contents stay sealed until the bids are opened.
 */
@ApiTags('legal replay')
@ApiBearerAuth()
@Roles('legal', 'auditor')
@UseGuards(RecordReaderGuard)
@Controller('tenders/:tenderId')
export class LegalController {
  constructor(
    private readonly queries: QueryBus,
    private readonly replay: LegalReplay,
  ) {}

  @Get('history')
  @ApiOperation({
    operationId: 'getTenderHistory',

    summary: "The tender's history across all its streams, in global order, paged and filterable",
  })
  @ApiErrors('NOT_YOUR_ORGANISATION', 'INVALID_CURSOR')
  @ApiOkResponse({ type: HistoryPageDto })
  history(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Query() query: HistoryQueryDto,
  ) {
    return this.queries.execute(
      new GetTenderHistoryQuery(tenderId, query, { actor, correlationId: request.id }),
    );
  }

  @Get('state')
  @ApiOperation({
    operationId: 'getTenderState',

    summary: 'The tender as the deciders saw it at a time (at=) or a global position (position=)',
  })
  @ApiErrors('NOT_YOUR_ORGANISATION', 'INVALID_MOMENT')
  @ApiOkResponse({ type: TenderStateViewDto })
  state(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Query() query: StateQueryDto,
  ) {
    return this.queries.execute(
      new GetTenderStateQuery(tenderId, query, { actor, correlationId: request.id }),
    );
  }

  @Get('diff')
  @ApiOperation({
    operationId: 'getTenderDiff',
    summary: 'What changed between two moments (times or positions)',
  })
  @ApiErrors('NOT_YOUR_ORGANISATION', 'INVALID_MOMENT')
  @ApiOkResponse({ type: TenderDiffDto })
  diff(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Query() query: DiffQueryDto,
  ) {
    return this.queries.execute(
      new GetTenderDiffQuery(tenderId, query, { actor, correlationId: request.id }),
    );
  }

  @Post('verification')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'verifyTender',

    summary:
      'Recompute every hash chain and anchored head of the tender; the first break, if any, precisely',
  })
  @ApiErrors('NOT_YOUR_ORGANISATION')
  @ApiOkResponse({ type: VerificationReportDto })
  verify(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
  ) {
    return this.queries.execute(
      new VerifyTenderQuery(tenderId, { actor, correlationId: request.id }),
    );
  }

  @Get('evidence')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({
    operationId: 'getEvidenceBundle',

    summary:
      'Evidence bundle: one canonical JSON event per line, in global order, then {"manifest": …} (README: "Evidence bundles")',
  })
  @ApiErrors('NOT_YOUR_ORGANISATION')
  @ApiOkResponse({
    description: 'One canonical JSON event per line, then the manifest',
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  async evidence(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('tenderId', TenderId) tenderId: string,
  ): Promise<void> {
    const parts = this.replay.evidence(tenderId, { actor, correlationId: request.id });
    // The first part is awaited here, so that an unknown tender is a JSON 404, not a broken stream.
    const first = await parts.next();
    async function* lines(): AsyncGenerator<string> {
      try {
        for (let next = first; !next.done; next = await parts.next()) {
          const part = next.value;
          yield `${part.kind === 'event' ? part.line : manifestLine(part.manifest)}\n`;
        }
      } finally {
        // A client that goes away ends this generator early: end the export too, so it is recorded.
        await parts.return(undefined);
      }
    }
    await reply
      .header('content-type', 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="tender-${tenderId}.evidence.ndjson"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()));
  }

  @Get('evidence/timeline.html')
  @ApiProduces('text/html')
  @ApiOperation({
    operationId: 'getEvidenceTimeline',

    summary: 'The evidence bundle as a self-contained HTML timeline a lawyer opens in a browser',
  })
  @ApiErrors('NOT_YOUR_ORGANISATION')
  @ApiOkResponse({
    description: 'A self-contained HTML page',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  async timeline(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('tenderId', TenderId) tenderId: string,
  ): Promise<void> {
    const html = await this.replay.timeline(tenderId, { actor, correlationId: request.id });
    await reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .header('content-disposition', `inline; filename="tender-${tenderId}.timeline.html"`)
      .header('cache-control', 'no-store')
      .send(html);
  }
}
