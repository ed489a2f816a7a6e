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
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '@fairtender/auth';
import type {
  Actor,
  ContractChangeKind,
  ModificationBasis,
  OversightOutcome,
  PerformanceRating,
  TerminationReason,
} from '@fairtender/domain';
import { derivedEventId } from '@fairtender/event-store';
import { ChangeId, CheckpointId } from '../http/id-params';
import type { LifecycleCommandResult } from '../runtime/lifecycle-command-result';
import { Clock } from '../runtime/clock';
import { commandContext } from '../runtime/command-context';
import { commandIdFor, idempotencyKeyOf } from '../http/idempotency';
import { TenderId } from '../http/params';
import { plain } from '../http/plain';
import { DecideContractCommand, GetContractQuery } from './contract.commands';
import {
  ConcludeContractDto,
  ContractCommandResultDto,
  ContractViewDto,
  RecordAssessmentDto,
  RecordOversightReviewDto,
  RequestContractChangeDto,
  TerminateContractDto,
} from './dto/contract.dto';
import { Locates } from '../http/http-conventions.interceptor';
import { ApiErrors } from '../http/api-errors';
import {
  ContractChangeRequestedDto,
  ContractConcludedDto,
  LifecycleCommandResultDto,
} from '../http/responses.dto';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'A retry with the same key keeps the id the server chose: never a second record',
};

/** The contract, once the standstill has run unchallenged, and its changes in the open (rules 7–8). */
@ApiTags('contract')
@ApiBearerAuth()
@Controller('tenders/:tenderId/contract')
export class ContractController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'getContract',
    summary:
      'The contract (any signed-in role): term and maximum term, value after every change, changes with their basis, KPIs and their periods, audit plans, oversight reviews, red flags',
  })
  @ApiErrors('TENDER_NOT_FOUND', 'CONTRACT_NOT_FOUND')
  @ApiOkResponse({ type: ContractViewDto })
  getContract(@CurrentActor() actor: Actor, @Param('tenderId', TenderId) tenderId: string) {
    return this.queries.execute(new GetContractQuery(tenderId, actor));
  }

  @Post()
  @Roles('officer')
  @Locates('/tenders/:tenderId')
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({
    operationId: 'concludeContract',

    summary:
      'Conclude the contract with the awarded supplier at the awarded price (officer): only after the standstill, with no challenge open',
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'STANDSTILL_NOT_ENDED',
    'AWARD_SUSPENDED',
    'INVALID_CONTRACT',
    'CONTRACT_VALUE_MISMATCH',
    'KPIS_REQUIRED',
    'AUDIT_PLAN_REQUIRED',
  )
  @ApiCreatedResponse({ type: ContractConcludedDto })
  async conclude(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Headers() headers: Record<string, string>,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: ConcludeContractDto,
  ): Promise<LifecycleCommandResult & { contractId: string }> {
    const commandId = commandIdFor(actor, `${tenderId}:contract`, idempotencyKeyOf(headers));
    const contractId = derivedEventId(commandId, -1);
    const { value, period, maximumTermMonths, kpis, pilot, auditPlan } = plain(body);
    const result = await this.commands.execute(
      new DecideContractCommand(
        commandContext(actor, request, this.clock.now(), commandId),
        tenderId,
        {
          type: 'ConcludeContract',
          contractId,
          ...(value ? { value } : {}),
          period,
          ...(maximumTermMonths === undefined ? {} : { maximumTermMonths }),
          ...(kpis ? { kpis } : {}),
          ...(pilot === undefined ? {} : { pilot }),
          ...(auditPlan ? { auditPlan } : {}),
        },
      ),
    );
    return { ...result, contractId };
  }

  @Post('changes')
  @Roles('officer')
  @Locates('/tenders/:tenderId')
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({
    operationId: 'requestContractChange',

    summary:
      'Request a modification or extension, with its justification (officer); another officer approves',
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'INVALID_CHANGE',
    'CHANGE_UNJUSTIFIED',
    'CHANGE_ID_REUSED',
    'AUDIT_PLAN_REQUIRED',
    'MODIFICATION_NOT_PERMITTED',
    'CONTRACT_TERMINATED',
  )
  @ApiCreatedResponse({ type: ContractChangeRequestedDto })
  async requestChange(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Headers() headers: Record<string, string>,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: RequestContractChangeDto,
  ): Promise<LifecycleCommandResult & { changeId: string }> {
    const commandId = commandIdFor(actor, `${tenderId}:change`, idempotencyKeyOf(headers));
    const { changeId: given, kind, basis, ...change } = plain(body);
    const changeId = given ?? derivedEventId(commandId, -1);
    const result = await this.commands.execute(
      new DecideContractCommand(
        commandContext(actor, request, this.clock.now(), commandId),
        tenderId,
        {
          type: 'RequestContractChange',
          change: {
            changeId,
            kind: kind as ContractChangeKind,
            ...(basis ? { basis: basis as ModificationBasis } : {}),
            ...change,
          },
        },
      ),
    );
    return { ...result, changeId };
  }

  @Post('changes/:changeId/approval')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({
    operationId: 'approveContractChange',

    summary:
      'Approve a change (an officer other than the requester): the change notice is published, red-flagged past thresholds',
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'CHANGE_NOT_FOUND',
    'CHANGE_ALREADY_APPROVED',
    'APPROVER_IS_REQUESTER',
    'MODIFICATION_NOT_PERMITTED',
    'CONTRACT_TERMINATED',
  )
  @ApiOkResponse({ type: LifecycleCommandResultDto })
  approveChange(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Param('changeId', ChangeId) changeId: string,
  ): Promise<LifecycleCommandResult> {
    return this.commands.execute(
      new DecideContractCommand(commandContext(actor, request, this.clock.now()), tenderId, {
        type: 'ApproveContractChange',
        changeId,
      }),
    );
  }

  @Post('assessments')
  @Roles('officer')
  @ApiOperation({
    operationId: 'recordPerformanceAssessment',
    summary:
      "Assess one KPI for one period (officer, s.71): rating, evidence, the supplier's response; the period's contract performance notice is published once every KPI due is assessed",
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'INVALID_CONTRACT',
    'KPI_NOT_FOUND',
    'ASSESSMENT_NOT_DUE',
    'ASSESSMENT_ALREADY_RECORDED',
    'CONTRACT_TERMINATED',
  )
  @ApiCreatedResponse({ type: ContractCommandResultDto })
  recordAssessment(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: RecordAssessmentDto,
  ): Promise<LifecycleCommandResult> {
    const { kpiId, dueDate, rating, evidence, supplierResponse } = plain(body);
    return this.commands.execute(
      new DecideContractCommand(commandContext(actor, request, this.clock.now()), tenderId, {
        type: 'RecordPerformanceAssessment',
        kpiId,
        dueDate,
        rating: rating as PerformanceRating,
        evidence,
        ...(supplierResponse === undefined ? {} : { supplierResponse }),
      }),
    );
  }

  @Post('checkpoints/:checkpointId/review')
  @Roles('auditor')
  @ApiOperation({
    operationId: 'recordOversightReview',
    summary:
      "Record the oversight body's review of an audit checkpoint (an auditor of the body the plan names): satisfactory or failed, findings, the published report",
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'CHECKPOINT_NOT_FOUND',
    'DEADLINE_NOT_REACHED',
    'REVIEW_ALREADY_RECORDED',
    'CONTRACT_TERMINATED',
  )
  @ApiCreatedResponse({ type: ContractCommandResultDto })
  recordReview(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Param('checkpointId', CheckpointId) checkpointId: string,
    @Body() body: RecordOversightReviewDto,
  ): Promise<LifecycleCommandResult> {
    const { outcome, findings, reportUrl } = plain(body);
    return this.commands.execute(
      new DecideContractCommand(commandContext(actor, request, this.clock.now()), tenderId, {
        type: 'RecordOversightReview',
        checkpointId,
        outcome: outcome as OversightOutcome,
        findings,
        reportUrl,
      }),
    );
  }

  @Post('termination')
  @Roles('officer')
  @ApiOperation({
    operationId: 'terminateContract',
    summary:
      'Terminate the contract with a reason (officer, s.80): the termination notice is published; its KPIs and jobs close',
  })
  @ApiErrors('ILLEGAL_STAGE', 'NOT_YOUR_ORGANISATION', 'INVALID_CONTRACT', 'CONTRACT_TERMINATED')
  @ApiCreatedResponse({ type: ContractCommandResultDto })
  terminate(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: TerminateContractDto,
  ): Promise<LifecycleCommandResult> {
    const { reason, details } = plain(body);
    return this.commands.execute(
      new DecideContractCommand(commandContext(actor, request, this.clock.now()), tenderId, {
        type: 'TerminateContract',
        reason: reason as TerminationReason,
        details,
      }),
    );
  }
}
