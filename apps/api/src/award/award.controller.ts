import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Public, Roles } from '@fairtender/auth';
import type { Actor } from '@fairtender/domain';
import type { LifecycleCommandResult } from '../runtime/lifecycle-command-result';
import { Clock } from '../runtime/clock';
import { commandContext } from '../runtime/command-context';
import { TenderId } from '../http/params';
import { plain } from '../http/plain';
import { DecideAwardCommand, type AwardDecision } from './award.commands';
import { GetAssessmentSummaryQuery, GetAwardNoticeQuery } from './award.queries';
import { DeclareUnsuccessfulDto, ProposeAwardDto, ProposeDirectAwardDto } from './dto/award.dto';
import { ApiErrors } from '../http/api-errors';
import { AssessmentSummaryDto, AwardNoticeDto } from './dto/award-responses.dto';
import { LifecycleCommandResultDto } from '../http/responses.dto';

/** Award (rules 1, 4, 5), the standstill it starts (rule 7), and what bidders and the public read. */
@ApiTags('award')
@Controller('tenders/:tenderId')
export class AwardController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Post('award')
  @HttpCode(200)
  @Roles('officer')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'proposeAward',

    summary:
      'Propose the award (officer): rules 1–5 checked on the streams; assessment summaries go out and the standstill starts, unless the winner is not top-ranked or all other bids were excluded (then a second officer confirms)',
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'INSUFFICIENT_COMPETITION',
    'WINNER_NOT_COMPLIANT',
    'INCOMPLETE_EVALUATION',
    'PANEL_TOO_SMALL',
    'UNDECLARED_CONFLICT',
    'MODERATION_PENDING',
    'REASON_REQUIRED',
    'WINNER_NOT_TOP_RANKED',
    'EXCLUSION_UNREASONED',
  )
  @ApiOkResponse({ type: LifecycleCommandResultDto })
  propose(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: ProposeAwardDto,
  ) {
    return this.decide(actor, request, tenderId, { type: 'ProposeAward', ...plain(body) });
  }

  @Post('direct-award')
  @HttpCode(200)
  @Roles('officer')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'proposeDirectAward',

    summary:
      'Direct award on a listed legal ground (officer), only with fewer compliant bids than the minimum; flagged and published',
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'DIRECT_AWARD_NOT_ALLOWED',
    'INVALID_LEGAL_GROUND',
    'REASON_REQUIRED',
    'WINNER_NOT_COMPLIANT',
  )
  @ApiOkResponse({ type: LifecycleCommandResultDto })
  proposeDirect(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: ProposeDirectAwardDto,
  ) {
    return this.decide(actor, request, tenderId, { type: 'ProposeDirectAward', ...plain(body) });
  }

  @Post('award/confirmation')
  @HttpCode(200)
  @Roles('officer')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'confirmAward',

    summary:
      "Confirm an award where every other bid was excluded or the winner is not top-ranked (an officer who neither proposed it nor moderated the tender's scores; rules 4, 5)",
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'AWARD_NOT_PENDING',
    'SAME_OFFICER_TWICE',
    'CONFIRMER_MODERATED',
  )
  @ApiOkResponse({ type: LifecycleCommandResultDto })
  confirm(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
  ) {
    return this.decide(actor, request, tenderId, { type: 'ConfirmAward' });
  }

  @Post('unsuccessful')
  @HttpCode(200)
  @Roles('officer')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'declareUnsuccessful',
    summary: 'End the tender without an award, with the reason (officer)',
  })
  @ApiErrors('ILLEGAL_STAGE', 'NOT_YOUR_ORGANISATION', 'REASON_REQUIRED')
  @ApiOkResponse({ type: LifecycleCommandResultDto })
  declareUnsuccessful(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() { reason }: DeclareUnsuccessfulDto,
  ) {
    return this.decide(actor, request, tenderId, { type: 'DeclareUnsuccessful', reason });
  }

  @Get('assessment-summary')
  @Roles('supplier')
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'getAssessmentSummary',

    summary: "Your assessment summary (supplier): your scores and the winner's, with the reasons",
  })
  @ApiErrors('ASSESSMENT_SUMMARY_NOT_FOUND')
  @ApiOkResponse({ type: AssessmentSummaryDto })
  assessmentSummary(@CurrentActor() actor: Actor, @Param('tenderId', TenderId) tenderId: string) {
    return this.queries.execute(new GetAssessmentSummaryQuery(tenderId, actor));
  }

  @Get('award')
  @Public()
  @ApiOperation({
    operationId: 'getAwardNotice',

    summary:
      'The award notice (anyone): winner, ranking totals, departures, standstill, suspension, contract and change notices',
  })
  @ApiErrors('AWARD_NOT_FOUND')
  @ApiOkResponse({ type: AwardNoticeDto })
  notice(@Param('tenderId', TenderId) tenderId: string) {
    return this.queries.execute(new GetAwardNoticeQuery(tenderId));
  }

  private decide(
    actor: Actor,
    request: FastifyRequest,
    tenderId: string,
    decision: AwardDecision,
  ): Promise<LifecycleCommandResult> {
    return this.commands.execute(
      new DecideAwardCommand(commandContext(actor, request, this.clock.now()), tenderId, decision),
    );
  }
}
