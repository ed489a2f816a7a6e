import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, ForbiddenRoleError, Roles } from '@fairtender/auth';
import {
  DomainError,
  requireRecordReader,
  type Actor,
  type EvidenceLinkIssued,
} from '@fairtender/domain';
import { EVENT_STORE, type EventStore } from '@fairtender/event-store';
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
import { idempotencyKeyOf } from '../http/idempotency';
import { issuedLink, keyedLinkId } from './link-replay';
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
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('officer', 'legal', 'auditor')
  @ApiOperation({
    operationId: 'createEvidenceLink',
    summary:
      'A short-lived signed link that opens the tender’s timeline or integrity page in a browser, as you; issued and each view recorded',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'A retried request with the same key answers the link it first issued (same id, same expiry), never a second one',
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
    const key = idempotencyKeyOf(request.headers);
    if (key !== undefined) {
      const earlier = await issuedLink(this.store, tenderId, keyedLinkId(actor, tenderId, key));
      if (earlier) {
        const { data } = earlier;
        if (data.page !== body.page || (body.timeZone ?? data.timeZone) !== data.timeZone)
          throw new DomainError(
            'IDEMPOTENCY_KEY_REUSED',
            `This Idempotency-Key already issued link ${data.linkId} to the ${data.page} page in ${data.timeZone}`,
            { linkId: data.linkId },
          );
        void reply.header('Idempotent-Replayed', 'true');
        return this.answer(request, reply, tenderId, actor, data);
      }
    }
    const now = this.clock.now();
    const expiresAt = new Date(
      now.getTime() + (body.expiresInMinutes ?? DEFAULT_LINK_MINUTES) * 60_000,
    );
    const issued = {
      linkId: key === undefined ? randomUUID() : keyedLinkId(actor, tenderId, key),
      page: body.page,
      issuedAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      timeZone: body.timeZone ?? DEFAULT_TIME_ZONE,
    };
    await this.replay.linkIssued(tenderId, { actor, correlationId: request.id }, issued);
    return this.answer(request, reply, tenderId, actor, issued);
  }

  /** The link as its issue recorded it: a retried request signs the same claims, the same link. */
  private answer(
    request: FastifyRequest,
    reply: FastifyReply,
    tenderId: string,
    actor: Actor,
    issued: Omit<EvidenceLinkIssued['data'], 'tenderId'>,
  ): EvidenceLinkDto {
    const token = this.signer.sign({
      linkId: issued.linkId,
      tenderId,
      page: issued.page,
      actor: { userId: actor.userId, role: actor.role, organisationId: actor.organisationId },
      expiresAt: Date.parse(issued.expiresAt),
      timeZone: issued.timeZone,
    });
    const path = `/pages/tenders/${tenderId}/${issued.page}?link=${token}`;
    void reply.header('Location', path);
    return {
      linkId: issued.linkId,
      page: issued.page,
      url: `${request.protocol}://${request.host}${path}`,
      path,
      expiresAt: issued.expiresAt,
      timeZone: issued.timeZone,
    };
  }
}
