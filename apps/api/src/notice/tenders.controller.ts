import { Body, Controller, Headers, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '@fairtender/auth';
import type { Actor } from '@fairtender/domain';
import { derivedEventId } from '@fairtender/event-store';
import { Clock } from '../runtime/clock';
import { commandContext } from '../runtime/command-context';
import { commandIdFor, idempotencyKeyOf } from '../http/idempotency';
import { plain } from '../http/plain';
import {
  AmendNoticeDto,
  AnswerClarificationDto,
  AskClarificationDto,
  CancelTenderDto,
} from './dto/notice-requests.dto';
import { NoticeTermsDto } from './dto/notice-terms.dto';
import {
  ChangeTenderCommand,
  ConfirmBidOpeningCommand,
  DraftTenderCommand,
  PublishTenderCommand,
  type SimpleNoticeChange,
} from './notice.commands';
import type { TenderCommandResult } from '../runtime/tender-command-result';
import { TenderId } from '../http/params';
import { Locates } from '../http/http-conventions.interceptor';

/** Officers advance a tender through its stages; suppliers ask clarification questions. */
@ApiTags('tenders')
@ApiBearerAuth()
@Controller('tenders')
export class TendersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('officer')
  @Locates('/tenders/:tenderId')
  @ApiOperation({ summary: 'Draft a tender notice (officer)' })
  draft(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Body() terms: NoticeTermsDto,
  ): Promise<TenderCommandResult> {
    return this.commands.execute(
      new DraftTenderCommand(commandContext(actor, request, this.clock.now()), plain(terms)),
    );
  }

  @Put(':tenderId/draft')
  @Roles('officer')
  @ApiOperation({ summary: 'Replace the terms of a draft (officer)' })
  reviseDraft(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() terms: NoticeTermsDto,
  ) {
    return this.change(actor, request, tenderId, { type: 'ReviseDraft', terms: plain(terms) });
  }

  @Post(':tenderId/publication')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Publish the notice: tendering opens (officer)' })
  publish(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
  ) {
    return this.commands.execute(
      new PublishTenderCommand(commandContext(actor, request, this.clock.now()), tenderId),
    );
  }

  @Post(':tenderId/amendments')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({
    summary: 'Amend a published notice (officer); deadlines must leave the minimum response time',
  })
  amend(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: AmendNoticeDto,
  ) {
    const { changes, reason } = plain(body);
    return this.change(actor, request, tenderId, { type: 'AmendNotice', changes, reason });
  }

  @Post(':tenderId/cancellation')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Cancel the tender with a reason: a termination notice (officer)' })
  cancel(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() { reason }: CancelTenderDto,
  ) {
    return this.change(actor, request, tenderId, { type: 'CancelTender', reason });
  }

  @Post(':tenderId/closing')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Close tendering once the submission deadline has passed (officer)' })
  close(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
  ) {
    return this.change(actor, request, tenderId, { type: 'CloseTendering' });
  }

  @Post(':tenderId/opening')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({
    summary:
      'Confirm the opening of bids; a second, different officer within the window opens them',
  })
  confirmOpening(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
  ) {
    return this.commands.execute(
      new ConfirmBidOpeningCommand(commandContext(actor, request, this.clock.now()), tenderId),
    );
  }

  @Post(':tenderId/clarifications')
  @Roles('supplier')
  @Locates('/notices/:tenderId')
  @ApiOperation({
    summary: 'Ask a clarification question (supplier); the answer goes to every supplier',
  })
  async ask(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Headers() headers: Record<string, string>,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() { question }: AskClarificationDto,
  ): Promise<TenderCommandResult & { questionId: string }> {
    const commandId = commandIdFor(actor, `${tenderId}:ask`, idempotencyKeyOf(headers));
    // A retried question keeps its id, so the decider sees a repeat rather than a new question.
    const questionId = derivedEventId(commandId, -1);
    const result = await this.commands.execute(
      new ChangeTenderCommand(
        commandContext(actor, request, this.clock.now(), commandId),
        tenderId,
        {
          type: 'AskClarification',
          questionId,
          question,
        },
      ),
    );
    return { ...result, questionId };
  }

  @Post(':tenderId/clarifications/:questionId/answer')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({ summary: 'Answer a clarification question; published to every supplier' })
  answer(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Param('questionId', TenderId) questionId: string,
    @Body() { answer }: AnswerClarificationDto,
  ) {
    return this.change(actor, request, tenderId, {
      type: 'AnswerClarification',
      questionId,
      answer,
    });
  }

  private change(
    actor: Actor,
    request: FastifyRequest,
    tenderId: string,
    change: SimpleNoticeChange,
  ): Promise<TenderCommandResult> {
    return this.commands.execute(
      new ChangeTenderCommand(commandContext(actor, request, this.clock.now()), tenderId, change),
    );
  }
}
