import { Controller, Get, Param, Query, Redirect, Req, Res } from '@nestjs/common';
import {
  ApiExcludeEndpoint,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '@fairtender/auth';
import {
  requireRecordReader,
  tenderNotFound,
  type Actor,
  type EvidencePage,
} from '@fairtender/domain';
import { LegalReplay, PAGE_CONTENT_SECURITY_POLICY, renderIntegrityPage } from '@fairtender/legal';
import { IntegrityQueries } from '@fairtender/read-models';
import { API_DOCS_PATH } from '../configure-api';
import { ApiErrors } from '../http/api-errors';
import { TenderId } from '../http/params';
import { Clock } from '../runtime/clock';
import { TenderStreams } from '../runtime/tender-streams';
import { PageLinkSigner } from './page-link-signer';

export class PageLinkQueryDto {
  @ApiPropertyOptional({
    description: 'The signed link, as POST /tenders/{tenderId}/evidence/links gave it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4096)
  link?: string;
}

const HTML_PAGE = {
  description: 'A self-contained HTML page: no script, nothing fetched from anywhere',
  content: { 'text/html': { schema: { type: 'string' } } },
};

/**
 * Pages people open in a browser (docs/pages.md): no bearer token, the signed link is the credential.
 * Each view is recorded as the link's issuer; a refused link answers an HTML page with its code.
 */
@ApiTags('pages')
@Public()
@Controller()
export class PagesController {
  constructor(
    private readonly signer: PageLinkSigner,
    private readonly replay: LegalReplay,
    private readonly tenders: TenderStreams,
    private readonly integrity: IntegrityQueries,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiExcludeEndpoint()
  @Redirect(`/${API_DOCS_PATH}`, 302)
  root(): void {}

  @Get('pages/tenders/:tenderId/timeline')
  @ApiProduces('text/html')
  @ApiOperation({
    operationId: 'openTimelinePage',
    summary:
      'The evidence timeline as a legal record: the verification verdict, the stages as sections, a sentence per event',
  })
  @ApiErrors('LINK_INVALID', 'LINK_EXPIRED', 'NOT_YOUR_ORGANISATION')
  @ApiOkResponse(HTML_PAGE)
  async timeline(
    @Req() request: FastifyRequest & { actor?: Actor },
    @Res() reply: FastifyReply,
    @Param('tenderId', TenderId) tenderId: string,
    @Query() query: PageLinkQueryDto,
  ): Promise<void> {
    const claims = await this.reader(request, tenderId, 'timeline', query.link);
    const html = await this.replay.timelinePage(
      tenderId,
      { actor: claims.actor, correlationId: request.id },
      claims,
    );
    await sendPage(reply, html);
  }

  @Get('pages/tenders/:tenderId/integrity')
  @ApiProduces('text/html')
  @ApiOperation({
    operationId: 'openIntegrityPage',
    summary:
      'The integrity report as a page: red flags with their evidence, the ranking and the coverage matrix as pictures',
  })
  @ApiErrors('LINK_INVALID', 'LINK_EXPIRED', 'NOT_YOUR_ORGANISATION')
  @ApiOkResponse(HTML_PAGE)
  async integrityPage(
    @Req() request: FastifyRequest & { actor?: Actor },
    @Res() reply: FastifyReply,
    @Param('tenderId', TenderId) tenderId: string,
    @Query() query: PageLinkQueryDto,
  ): Promise<void> {
    const claims = await this.reader(request, tenderId, 'integrity', query.link);
    const row = await this.integrity.getReport(tenderId);
    if (!row) throw tenderNotFound(tenderId);
    const html = renderIntegrityPage(row.report, {
      timeZone: claims.timeZone,
      renderedAt: this.clock.now().toISOString(),
      position: row.position,
    });
    await this.replay.pageViewed(
      tenderId,
      { actor: claims.actor, correlationId: request.id },
      { linkId: claims.linkId, page: 'integrity', eventCount: null, upTo: null, intact: null },
    );
    await sendPage(reply, html);
  }

  /** The link's claims once it is checked and its issuer may still read the tender's record. */
  private async reader(
    request: FastifyRequest & { actor?: Actor },
    tenderId: string,
    page: EvidencePage,
    link: string | undefined,
  ) {
    const claims = this.signer.verify(link, { tenderId, page, now: this.clock.now().getTime() });
    // A refusal from here on is recorded against the link's issuer, like a refused bearer request.
    request.actor = claims.actor;
    const { state } = await this.tenders.loadTender(tenderId);
    requireRecordReader(state, tenderId, claims.actor);
    return claims;
  }
}

async function sendPage(reply: FastifyReply, html: string): Promise<void> {
  await reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY)
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex')
    .header('cache-control', 'no-store')
    .send(html);
}
