import { Body, Controller, Headers, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
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
import type { Actor, ContractChangeKind } from '@fairtender/domain';
import { derivedEventId } from '@fairtender/event-store';
import { ChangeId } from '../http/id-params';
import type { LifecycleCommandResult } from '../runtime/lifecycle-command-result';
import { Clock } from '../runtime/clock';
import { commandContext } from '../runtime/command-context';
import { commandIdFor, idempotencyKeyOf } from '../http/idempotency';
import { TenderId } from '../http/params';
import { plain } from '../http/plain';
import { DecideContractCommand } from './contract.commands';
import { ConcludeContractDto, RequestContractChangeDto } from './dto/contract.dto';
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
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('officer')
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
    const { value, period } = plain(body);
    const result = await this.commands.execute(
      new DecideContractCommand(
        commandContext(actor, request, this.clock.now(), commandId),
        tenderId,
        { type: 'ConcludeContract', contractId, ...(value ? { value } : {}), period },
      ),
    );
    return { ...result, contractId };
  }

  @Post('changes')
  @Roles('officer')
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
    const { changeId: given, kind, ...change } = plain(body);
    const changeId = given ?? derivedEventId(commandId, -1);
    const result = await this.commands.execute(
      new DecideContractCommand(
        commandContext(actor, request, this.clock.now(), commandId),
        tenderId,
        {
          type: 'RequestContractChange',
          change: { changeId, kind: kind as ContractChangeKind, ...change },
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
}
