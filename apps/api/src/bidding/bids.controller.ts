import { Body, Controller, Headers, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '@fairtender/auth';
import type { Actor, BidContent } from '@fairtender/domain';
import { Clock } from '../runtime/clock';
import { commandContext } from '../runtime/command-context';
import { commandIdFor, idempotencyKeyOf } from '../http/idempotency';
import { plain } from '../http/plain';
import {
  PlaceBidCommand,
  ReconfirmBidCommand,
  WithdrawBidCommand,
  type BidCommandResult,
} from './bid.commands';
import { BID_EXAMPLE, BidDto, WithdrawBidDto } from './dto/bid.dto';

const BID_EXAMPLES = { 'one-inline-document': { summary: 'A bid', value: BID_EXAMPLE } };
import { TenderId } from '../http/params';
import { BID_BODY_LIMIT_BYTES, BodyLimit } from '../http/body-limits';
import { BidSubmission } from '../http/rate-limits';
import { ApiErrors } from '../http/api-errors';
import { BidCommandResultDto } from './dto/bid-responses.dto';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'A retried request with the same key returns the first result, never a second bid',
};

/** A supplier's own sealed bid on a tender: submit, revise, withdraw, re-confirm. */
@ApiTags('bids')
@ApiBearerAuth()
@Controller('tenders/:tenderId/bid')
export class BidsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @BodyLimit(BID_BODY_LIMIT_BYTES)
  @BidSubmission()
  @Roles('supplier')
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({
    operationId: 'submitBid',
    summary: 'Submit a sealed bid before the deadline; returns a signed receipt',
  })
  @ApiErrors(
    'TENDERING_NOT_OPEN',
    'LATE_BID',
    'BID_ALREADY_SUBMITTED',
    'BID_INCOMPLETE',
    'BID_CURRENCY_MISMATCH',
    'DOCUMENTS_TOO_LARGE',
    'BID_DOCUMENTS_TOO_LARGE',
    'DOCUMENT_NOT_FOUND',
    'DOCUMENT_NOT_FINISHED',
  )
  @ApiCreatedResponse({ type: BidCommandResultDto })
  @ApiBody({ type: BidDto, examples: BID_EXAMPLES })
  submit(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers() headers: Record<string, string>,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() bid: BidDto,
  ) {
    return this.place('SubmitBid', actor, request, reply, headers, tenderId, bid);
  }

  @Put()
  @HttpCode(200)
  @BodyLimit(BID_BODY_LIMIT_BYTES)
  @BidSubmission()
  @Roles('supplier')
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({
    operationId: 'reviseBid',
    summary: 'Replace your sealed bid before the deadline; returns a new receipt',
  })
  @ApiErrors(
    'TENDERING_NOT_OPEN',
    'LATE_BID',
    'BID_NOT_FOUND',
    'BID_INCOMPLETE',
    'BID_CURRENCY_MISMATCH',
    'DOCUMENTS_TOO_LARGE',
    'BID_DOCUMENTS_TOO_LARGE',
    'DOCUMENT_NOT_FOUND',
    'DOCUMENT_NOT_FINISHED',
  )
  @ApiOkResponse({ type: BidCommandResultDto })
  @ApiBody({ type: BidDto, examples: BID_EXAMPLES })
  revise(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers() headers: Record<string, string>,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() bid: BidDto,
  ) {
    return this.place('ReviseBid', actor, request, reply, headers, tenderId, bid);
  }

  @Post('withdrawal')
  @HttpCode(200)
  @BidSubmission()
  @Roles('supplier')
  @ApiOperation({
    operationId: 'withdrawBid',
    summary: 'Withdraw your bid before the deadline',
  })
  @ApiErrors('TENDERING_NOT_OPEN', 'LATE_BID', 'BID_NOT_FOUND')
  @ApiOkResponse({ type: BidCommandResultDto })
  withdraw(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() { reason }: WithdrawBidDto,
  ): Promise<BidCommandResult> {
    return this.commands.execute(
      new WithdrawBidCommand(commandContext(actor, request, this.clock.now()), tenderId, reason),
    );
  }

  @Post('reconfirmation')
  @HttpCode(200)
  @BidSubmission()
  @Roles('supplier')
  @ApiOperation({
    operationId: 'reconfirmBid',
    summary: 'Confirm your bid stands against the amended notice',
  })
  @ApiErrors('TENDERING_NOT_OPEN', 'LATE_BID', 'BID_NOT_FOUND', 'BID_ALREADY_CONFIRMED')
  @ApiOkResponse({ type: BidCommandResultDto })
  reconfirm(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
  ): Promise<BidCommandResult> {
    return this.commands.execute(
      new ReconfirmBidCommand(commandContext(actor, request, this.clock.now()), tenderId),
    );
  }

  private async place(
    kind: 'SubmitBid' | 'ReviseBid',
    actor: Actor,
    request: FastifyRequest,
    reply: FastifyReply,
    headers: Record<string, string>,
    tenderId: string,
    bid: BidDto,
  ): Promise<BidCommandResult> {
    const key = idempotencyKeyOf(headers);
    const commandId = commandIdFor(actor, `${tenderId}:${kind}`, key);
    const result = await this.commands.execute(
      new PlaceBidCommand(
        commandContext(actor, request, this.clock.now(), commandId),
        tenderId,
        kind,
        toBidContent(bid),
        key,
        bid.documentIds ?? [],
      ),
    );
    if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
    return result;
  }
}

function toBidContent(bid: BidDto): BidContent {
  const { price, responses, documents } = plain(bid);
  return { price, responses, documents: documents ?? [] };
}
