import { Body, Controller, Headers, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
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
import { NOTICE_TERMS_EXAMPLE, NoticeTermsDto } from './dto/notice-terms.dto';

const NOTICE_TERMS_EXAMPLES = {
  'open-procedure': { summary: 'An open procedure, three criteria', value: NOTICE_TERMS_EXAMPLE },
};
import {
  ChangeTenderCommand,
  ConfirmBidOpeningCommand,
  DraftTenderCommand,
  PublishTenderCommand,
  type SimpleNoticeChange,
} from './notice.commands';
import type { TenderCommandResult } from '../runtime/tender-command-result';
import { TenderId } from '../http/params';
import { ApiErrors } from '../http/api-errors';
import { TenderCommandResultDto, ClarificationAskedDto } from '../http/responses.dto';

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
  @ApiOperation({
    operationId: 'draftTender',
    summary: 'Draft a tender notice (officer)',
  })
  @ApiErrors(
    'INVALID_NOTICE',
    'CRITERIA_WEIGHTS_NOT_100',
    'DEADLINE_TOO_SOON',
    'DEADLINES_OUT_OF_ORDER',
    'PROCEDURE_NOT_AVAILABLE',
    'TENDERING_PERIOD_TOO_SHORT',
    'REDUCED_PERIOD_NOT_JUSTIFIED',
    'TENDER_ALREADY_EXISTS',
  )
  @ApiCreatedResponse({ type: TenderCommandResultDto })
  @ApiBody({ type: NoticeTermsDto, examples: NOTICE_TERMS_EXAMPLES })
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
  @ApiOperation({
    operationId: 'reviseDraft',
    summary: 'Replace the terms of a draft (officer)',
  })
  @ApiErrors(
    'INVALID_NOTICE',
    'CRITERIA_WEIGHTS_NOT_100',
    'DEADLINE_TOO_SOON',
    'DEADLINES_OUT_OF_ORDER',
    'PROCEDURE_NOT_AVAILABLE',
    'TENDERING_PERIOD_TOO_SHORT',
    'REDUCED_PERIOD_NOT_JUSTIFIED',
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
  )
  @ApiOkResponse({ type: TenderCommandResultDto })
  @ApiBody({ type: NoticeTermsDto, examples: NOTICE_TERMS_EXAMPLES })
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
  @ApiOperation({
    operationId: 'publishTender',
    summary: 'Publish the notice: tendering opens (officer)',
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'INVALID_NOTICE',
    'DEADLINE_TOO_SOON',
    'TENDERING_PERIOD_TOO_SHORT',
    'REDUCED_PERIOD_NOT_JUSTIFIED',
  )
  @ApiOkResponse({ type: TenderCommandResultDto })
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
    operationId: 'amendNotice',

    summary: 'Amend a published notice (officer); deadlines must leave the minimum response time',
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'NOTHING_TO_AMEND',
    'INVALID_NOTICE',
    'CRITERIA_WEIGHTS_NOT_100',
    'DEADLINE_TOO_SOON',
    'DEADLINES_OUT_OF_ORDER',
    'PROCEDURE_NOT_AVAILABLE',
    'TENDERING_PERIOD_TOO_SHORT',
    'REDUCED_PERIOD_NOT_JUSTIFIED',
  )
  @ApiOkResponse({ type: TenderCommandResultDto })
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
  @ApiOperation({
    operationId: 'cancelTender',
    summary: 'Cancel the tender with a reason: a termination notice (officer)',
  })
  @ApiErrors('ILLEGAL_STAGE', 'NOT_YOUR_ORGANISATION')
  @ApiOkResponse({ type: TenderCommandResultDto })
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
  @ApiOperation({
    operationId: 'closeTendering',
    summary: 'Close tendering once the submission deadline has passed (officer)',
  })
  @ApiErrors('ILLEGAL_STAGE', 'NOT_YOUR_ORGANISATION', 'DEADLINE_NOT_REACHED')
  @ApiOkResponse({ type: TenderCommandResultDto })
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
    operationId: 'confirmBidOpening',

    summary:
      'Confirm the opening of bids; a second, different officer within the window opens them',
  })
  @ApiErrors('ILLEGAL_STAGE', 'NOT_YOUR_ORGANISATION', 'SAME_OFFICER_TWICE', 'DEADLINE_NOT_REACHED')
  @ApiOkResponse({ type: TenderCommandResultDto })
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
  @ApiOperation({
    operationId: 'askClarification',

    summary: 'Ask a clarification question (supplier); the answer goes to every supplier',
  })
  @ApiErrors('ILLEGAL_STAGE', 'CLARIFICATION_DEADLINE_PASSED', 'CLARIFICATION_ID_REUSED')
  @ApiCreatedResponse({ type: ClarificationAskedDto })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried question with the same key keeps its id',
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
  @ApiOperation({
    operationId: 'answerClarification',
    summary: 'Answer a clarification question; published to every supplier',
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'CLARIFICATION_NOT_FOUND',
    'CLARIFICATION_ALREADY_ANSWERED',
  )
  @ApiOkResponse({ type: TenderCommandResultDto })
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
