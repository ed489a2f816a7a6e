import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, ForbiddenRoleError, Roles } from '@fairtender/auth';
import { requireRecordReader, type Actor } from '@fairtender/domain';
import { DEFAULT_TIME_ZONE, LegalReplay } from '@fairtender/legal';
import { ApiErrors } from '../http/api-errors';
import { TenderId } from '../http/params';
import { Clock } from '../runtime/clock';
import { TenderStreams } from '../runtime/tender-streams';
import {
  CreateEvidenceLinkDto,
  DEFAULT_LINK_MINUTES,
  EvidenceLinkDto,
} from './dto/evidence-link.dto';
import { PageLinkSigner } from './page-link-signer';

/** Who may open each page: the timeline is the whole record (legal replay's readers). */
const PAGE_READERS = {
  timeline: ['legal', 'auditor'],
  integrity: ['officer', 'legal', 'auditor'],
} as const;

/**
 * Short-lived signed links to a tender's pages (docs/pages.md): a lawyer or auditor with a token asks
 * for one and opens it, or sends it, to read the page in a browser with no header tool. The link
 * reads as its issuer; its issue and every view are recorded in `tender-<id>.audit`.
 */
@ApiTags('pages')
@ApiBearerAuth()
@Controller('tenders/:tenderId/evidence/links')
export class EvidenceLinksController {
  constructor(
    private readonly signer: PageLinkSigner,
    private readonly tenders: TenderStreams,
    private readonly replay: LegalReplay,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('officer', 'legal', 'auditor')
  @ApiOperation({
    operationId: 'createEvidenceLink',
    summary:
      'A short-lived signed link that opens the tender’s timeline or integrity page in a browser, as you; issued and each view recorded',
  })
  @ApiErrors('NOT_YOUR_ORGANISATION')
  @ApiCreatedResponse({ type: EvidenceLinkDto })
  async create(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: CreateEvidenceLinkDto,
  ): Promise<EvidenceLinkDto> {
    const readers: readonly string[] = PAGE_READERS[body.page];
    if (!readers.includes(actor.role))
      throw new ForbiddenRoleError(actor.role, PAGE_READERS[body.page]);
    const { state } = await this.tenders.loadTender(tenderId);
    requireRecordReader(state, tenderId, actor);
    const now = this.clock.now();
    const expiresAt = new Date(
      now.getTime() + (body.expiresInMinutes ?? DEFAULT_LINK_MINUTES) * 60_000,
    );
    const linkId = randomUUID();
    const timeZone = body.timeZone ?? DEFAULT_TIME_ZONE;
    const token = this.signer.sign({
      linkId,
      tenderId,
      page: body.page,
      actor: { userId: actor.userId, role: actor.role, organisationId: actor.organisationId },
      expiresAt: expiresAt.getTime(),
      timeZone,
    });
    await this.replay.linkIssued(
      tenderId,
      { actor, correlationId: request.id },
      {
        linkId,
        page: body.page,
        issuedAt: now.toISOString(),
        expiresAt: expiresAt.toISOString(),
        timeZone,
      },
    );
    const path = `/pages/tenders/${tenderId}/${body.page}?link=${token}`;
    void reply.header('Location', path);
    return {
      linkId,
      page: body.page,
      url: `${request.protocol}://${request.host}${path}`,
      path,
      expiresAt: expiresAt.toISOString(),
      timeZone,
    };
  }
}
