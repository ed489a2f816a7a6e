import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Public, Roles } from '@fairtender/auth';
import type { Actor, ProcurementPlan, ProcurementRoute } from '@fairtender/domain';
import { Clock } from '../runtime/clock';
import { commandContext } from '../runtime/command-context';
import { ConsistentRead } from '../runtime/consistent-read';
import type { LifecycleCommandResult } from '../runtime/lifecycle-command-result';
import { TenderId } from '../http/params';
import { plain } from '../http/plain';
import { NoticeTermsDto } from '../notice/dto/notice-terms.dto';
import {
  ApproveStrategyDto,
  ConflictsAssessmentDto,
  EngagementNoticeDto,
  EngagementNoticeViewDto,
  OpenProcurementDto,
  PlanningCommandResultDto,
  ProcurementViewDto,
  RecordEngagementDto,
  ReviseProcurementPlanDto,
  RouteDto,
  ShareMaterialDto,
  TransparencyNoticeDto,
  TransparencyNoticeViewDto,
} from './dto/planning.dto';
import {
  DecidePlanningCommand,
  DraftFromProcurementCommand,
  type PlanningDecision,
} from './planning.commands';
import { GetProcurementQuery, GetPublicPlanningNoticeQuery } from './planning.queries';

const MIN_POSITION = {
  name: 'X-Min-Position',
  required: false,
  description: 'Wait until the read models include this position (from a command response)',
};

/** The DTO's flat route as the domain's route; the domain checks what the kind needs (422). */
const route = (dto: RouteDto): ProcurementRoute =>
  (dto.kind === 'competitive'
    ? { kind: 'competitive', procedure: dto.procedure }
    : { kind: 'direct-award', ground: dto.ground, supplierId: dto.supplierId }) as ProcurementRoute;

/** The procurement before its notice (docs/planning.md): plan, approval, engagement, conflicts, route. */
@ApiTags('procurements')
@Controller('procurements')
export class ProcurementsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly consistency: ConsistentRead,
  ) {}

  @Post()
  @Roles('officer')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'openProcurement',
    summary:
      'Open a procurement before its notice (officer): need, value, CPV codes, route and options appraisal',
  })
  @ApiCreatedResponse({ type: PlanningCommandResultDto })
  open(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Body() body: OpenProcurementDto,
  ): Promise<LifecycleCommandResult> {
    const tenderId = randomUUID();
    const { route: dto, ...rest } = plain(body);
    const plan = { ...rest, route: route(dto) } as ProcurementPlan;
    return this.decide(actor, request, tenderId, { type: 'OpenProcurement', tenderId, plan });
  }

  @Post(':tenderId/plan-revisions')
  @HttpCode(200)
  @Roles('officer')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'reviseProcurementPlan',
    summary:
      'Revise the plan (officer); a new route or a higher value needs a new strategy approval',
  })
  @ApiOkResponse({ type: PlanningCommandResultDto })
  revise(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: ReviseProcurementPlanDto,
  ) {
    const { reason, route: dto, ...changes } = plain(body);
    return this.decide(actor, request, tenderId, {
      type: 'ReviseProcurementPlan',
      changes: { ...changes, ...(dto ? { route: route(dto) } : {}) },
      reason,
    });
  }

  @Post(':tenderId/strategy-approval')
  @HttpCode(200)
  @Roles('officer')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'approveProcurementStrategy',
    summary:
      'Approve the strategy (officer with the approver permission, not its author), with reasons',
  })
  @ApiOkResponse({ type: PlanningCommandResultDto })
  approve(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() { reasons }: ApproveStrategyDto,
  ) {
    return this.decide(actor, request, tenderId, { type: 'ApproveStrategy', reasons });
  }

  @Post(':tenderId/engagement-notice')
  @HttpCode(200)
  @Roles('officer')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'publishEngagementNotice',
    summary: 'Publish the preliminary market engagement notice, UK2 (officer; PA 2023 s.17)',
  })
  @ApiOkResponse({ type: PlanningCommandResultDto })
  publishEngagementNotice(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: EngagementNoticeDto,
  ) {
    return this.decide(actor, request, tenderId, {
      type: 'PublishEngagementNotice',
      ...plain(body),
    });
  }

  @Post(':tenderId/engagements')
  @HttpCode(200)
  @Roles('officer')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'recordSupplierEngagement',
    summary:
      'Log a contact with a supplier (officer): meeting, demonstration, pilot or written question (PA 2023 s.16)',
  })
  @ApiOkResponse({ type: PlanningCommandResultDto })
  recordEngagement(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: RecordEngagementDto,
  ) {
    return this.decide(actor, request, tenderId, {
      type: 'RecordSupplierEngagement',
      ...plain(body),
    });
  }

  @Post(':tenderId/shared-materials')
  @HttpCode(200)
  @Roles('officer')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'shareEngagementMaterial',
    summary: 'Record that material shown in engagement was shared with every supplier (officer)',
  })
  @ApiOkResponse({ type: PlanningCommandResultDto })
  shareMaterial(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: ShareMaterialDto,
  ) {
    return this.decide(actor, request, tenderId, {
      type: 'ShareEngagementMaterial',
      ...plain(body),
    });
  }

  @Post(':tenderId/conflicts-assessment')
  @HttpCode(200)
  @Roles('officer')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'reviseConflictsAssessment',
    summary:
      'Record a revision of the conflicts assessment (officer; PA 2023 s.83): every person acting, with their declaration',
  })
  @ApiOkResponse({ type: PlanningCommandResultDto })
  reviseConflicts(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: ConflictsAssessmentDto,
  ) {
    return this.decide(actor, request, tenderId, {
      type: 'ReviseConflictsAssessment',
      ...plain(body),
    });
  }

  @Post(':tenderId/transparency-notice')
  @HttpCode(200)
  @Roles('officer')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'publishTransparencyNotice',
    summary:
      'Publish the transparency notice of a direct award (officer; PA 2023 s.44); then POST /tenders/{id}/direct-award publishes the award notice',
  })
  @ApiOkResponse({ type: PlanningCommandResultDto })
  publishTransparencyNotice(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: TransparencyNoticeDto,
  ) {
    return this.decide(actor, request, tenderId, {
      type: 'PublishTransparencyNotice',
      ...plain(body),
    });
  }

  @Post(':tenderId/draft')
  @Roles('officer')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'draftNoticeFromProcurement',
    summary:
      'Draft the tender notice of a competitive procurement (officer); then POST /tenders/{id}/publication',
  })
  @ApiCreatedResponse({ type: PlanningCommandResultDto })
  draft(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() terms: NoticeTermsDto,
  ): Promise<LifecycleCommandResult> {
    return this.commands.execute(
      new DraftFromProcurementCommand(
        commandContext(actor, request, this.clock.now()),
        tenderId,
        plain(terms),
      ),
    );
  }

  @Get(':tenderId')
  @Roles('officer', 'legal', 'auditor')
  @ApiBearerAuth()
  @ApiHeader(MIN_POSITION)
  @ApiOperation({
    operationId: 'getProcurement',
    summary:
      "The planning record (the buyer's officers and legal, oversight): plan, approvals, engagement log, conflicts assessment revisions",
  })
  @ApiOkResponse({ type: ProcurementViewDto })
  async get(
    @CurrentActor() actor: Actor,
    @Param('tenderId', TenderId) tenderId: string,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(new GetProcurementQuery(tenderId, actor));
  }

  @Get(':tenderId/engagement-notice')
  @Public()
  @ApiHeader(MIN_POSITION)
  @ApiOperation({
    operationId: 'getEngagementNotice',
    summary: 'The preliminary market engagement notice (anyone), with the material shared',
  })
  @ApiOkResponse({ type: EngagementNoticeViewDto })
  async engagementNotice(
    @Param('tenderId', TenderId) tenderId: string,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(new GetPublicPlanningNoticeQuery(tenderId, 'engagement'));
  }

  @Get(':tenderId/transparency-notice')
  @Public()
  @ApiHeader(MIN_POSITION)
  @ApiOperation({
    operationId: 'getTransparencyNotice',
    summary:
      'The transparency notice of a direct award (anyone): ground, justification, supplier, value',
  })
  @ApiOkResponse({ type: TransparencyNoticeViewDto })
  async transparencyNotice(
    @Param('tenderId', TenderId) tenderId: string,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(new GetPublicPlanningNoticeQuery(tenderId, 'transparency'));
  }

  private decide(
    actor: Actor,
    request: FastifyRequest,
    tenderId: string,
    decision: PlanningDecision,
  ): Promise<LifecycleCommandResult> {
    return this.commands.execute(
      new DecidePlanningCommand(
        commandContext(actor, request, this.clock.now()),
        tenderId,
        decision,
      ),
    );
  }
}
