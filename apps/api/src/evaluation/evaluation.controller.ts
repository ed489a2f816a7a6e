import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Roles } from '@fairtender/auth';
import type { Actor } from '@fairtender/domain';
import { Clock } from '../runtime/clock';
import { commandContext } from '../runtime/command-context';
import { TenderId } from '../http/params';
import { plain } from '../http/plain';
import {
  AppointPanelDto,
  ConfirmModerationDto,
  DeclareConflictDto,
  ModerateScoreDto,
  RecordComplianceDto,
  ScoreBidDto,
} from './dto/evaluation.dto';
import {
  ChangeEvaluationCommand,
  EvaluatorCommand,
  RecordComplianceCommand,
  type EvaluatorChange,
  type OfficerEvaluationChange,
} from './evaluation.commands';
import { GetRankingQuery, GetScoresQuery } from './evaluation.queries';
import { SupplierId } from '../http/id-params';
import type { LifecycleCommandResult } from '../runtime/lifecycle-command-result';
import { ApiErrors } from '../http/api-errors';
import { RankingDto, ScoresViewDto } from './dto/evaluation-responses.dto';
import { LifecycleCommandResultDto } from '../http/responses.dto';

/** Compliance, the panel, declarations, blind scores, moderation and the system's ranking (rules 2–5). */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('tenders/:tenderId')
export class EvaluationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Post('compliance/:supplierId')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({
    operationId: 'recordCompliance',

    summary:
      'Pass or exclude an opened bid (officer); excluding needs a reason code, the requirement failed and a reason text. The price is read from the bid',
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'BID_NOT_FOUND',
    'EXCLUSION_UNREASONED',
    'BID_NOT_RECONFIRMED',
    'EVALUATION_UNDER_WAY',
  )
  @ApiOkResponse({ type: LifecycleCommandResultDto })
  recordCompliance(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Param('supplierId', SupplierId) supplierId: string,
    @Body() body: RecordComplianceDto,
  ): Promise<LifecycleCommandResult> {
    return this.commands.execute(
      new RecordComplianceCommand(
        commandContext(actor, request, this.clock.now()),
        tenderId,
        supplierId,
        plain(body),
      ),
    );
  }

  @Put('panel')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({
    operationId: 'appointPanel',
    summary: 'Appoint the evaluation panel (officer): at least 2 evaluators',
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'INVALID_PANEL',
    'PANEL_TOO_SMALL',
    'EVALUATION_UNDER_WAY',
  )
  @ApiOkResponse({ type: LifecycleCommandResultDto })
  appointPanel(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() { evaluatorIds }: AppointPanelDto,
  ) {
    return this.onTenderStream(actor, request, tenderId, {
      type: 'AppointPanel',
      evaluatorIds: [...evaluatorIds],
    });
  }

  @Post('panel/acceptance')
  @HttpCode(200)
  @Roles('evaluator')
  @ApiOperation({
    operationId: 'acceptPanelMembership',

    summary:
      'Accept your appointment to the panel (an evaluator of the buyer, named on it): only accepted members count and may act',
  })
  @ApiErrors('ILLEGAL_STAGE', 'NOT_YOUR_ORGANISATION', 'NOT_ON_PANEL')
  @ApiOkResponse({ type: LifecycleCommandResultDto })
  acceptPanelMembership(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
  ) {
    return this.onTenderStream(actor, request, tenderId, { type: 'AcceptPanelMembership' });
  }

  @Post('moderation')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({
    operationId: 'moderateScore',

    summary:
      "Record the panel's agreed score for one criterion of one bid (officer), with the reason where it differs; outside the evaluators' range it waits for a second officer",
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'MODERATION_UNREASONED',
    'INVALID_SCORE',
    'INCOMPLETE_EVALUATION',
    'BID_NOT_COMPLIANT',
  )
  @ApiOkResponse({ type: LifecycleCommandResultDto })
  moderate(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: ModerateScoreDto,
  ) {
    return this.onTenderStream(actor, request, tenderId, { type: 'ModerateScore', ...plain(body) });
  }

  @Post('moderation/confirmation')
  @HttpCode(200)
  @Roles('officer')
  @ApiOperation({
    operationId: 'confirmModeration',

    summary:
      "Confirm an agreed score outside the evaluators' range (a second, different officer, with a reason): only then it counts",
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'MODERATION_NOT_PENDING',
    'SAME_OFFICER_TWICE',
    'MODERATION_UNREASONED',
  )
  @ApiOkResponse({ type: LifecycleCommandResultDto })
  confirmModeration(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: ConfirmModerationDto,
  ) {
    return this.onTenderStream(actor, request, tenderId, {
      type: 'ConfirmModeration',
      ...plain(body),
    });
  }

  @Put('declarations/:supplierId')
  @HttpCode(200)
  @Roles('evaluator')
  @ApiOperation({
    operationId: 'declareConflict',

    summary:
      'Declare whether you have a conflict of interest with a supplier (evaluator), before scoring it',
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'INVALID_DECLARATION',
    'CONFLICT_ALREADY_DECLARED',
    'NOT_ON_PANEL',
    'PANEL_MEMBERSHIP_NOT_ACCEPTED',
    'BID_NOT_FOUND',
    'EVALUATION_ALREADY_SUBMITTED',
  )
  @ApiOkResponse({ type: LifecycleCommandResultDto })
  declare(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Param('supplierId', SupplierId) supplierId: string,
    @Body() body: DeclareConflictDto,
  ) {
    return this.evaluator(actor, request, tenderId, {
      type: 'DeclareConflict',
      supplierId,
      ...plain(body),
    });
  }

  @Put('scores/:supplierId')
  @HttpCode(200)
  @Roles('evaluator')
  @ApiOperation({
    operationId: 'scoreBid',

    summary:
      "Score quality criteria of a compliant bid on the notice's scale, each justified (evaluator)",
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'INVALID_SCORE',
    'SCORE_UNJUSTIFIED',
    'UNDECLARED_CONFLICT',
    'EVALUATOR_CONFLICTED',
    'BID_NOT_COMPLIANT',
    'NOT_ON_PANEL',
    'PANEL_MEMBERSHIP_NOT_ACCEPTED',
    'EVALUATION_ALREADY_SUBMITTED',
  )
  @ApiOkResponse({ type: LifecycleCommandResultDto })
  score(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Param('supplierId', SupplierId) supplierId: string,
    @Body() body: ScoreBidDto,
  ) {
    return this.evaluator(actor, request, tenderId, {
      type: 'ScoreBid',
      supplierId,
      scores: plain(body).scores,
    });
  }

  @Post('evaluation-submission')
  @HttpCode(200)
  @Roles('evaluator')
  @ApiOperation({
    operationId: 'submitEvaluation',

    summary:
      "Submit your scores for the round (evaluator): they become final, and the panel's become visible to you",
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_YOUR_ORGANISATION',
    'INCOMPLETE_EVALUATION',
    'EVALUATION_ALREADY_SUBMITTED',
    'NOT_ON_PANEL',
    'PANEL_MEMBERSHIP_NOT_ACCEPTED',
  )
  @ApiOkResponse({ type: LifecycleCommandResultDto })
  submit(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
  ) {
    return this.evaluator(actor, request, tenderId, { type: 'SubmitEvaluation' });
  }

  @Get('scores')
  @Roles('officer', 'evaluator', 'legal', 'auditor')
  @ApiOperation({
    operationId: 'getScores',

    summary:
      'Scores, blind: an evaluator sees its own until it submits; officers see submitted ones; legal and auditors all',
  })
  @ApiErrors('NOT_YOUR_ORGANISATION', 'NOT_ON_PANEL', 'PANEL_MEMBERSHIP_NOT_ACCEPTED')
  @ApiOkResponse({ type: ScoresViewDto })
  scores(@CurrentActor() actor: Actor, @Param('tenderId', TenderId) tenderId: string) {
    return this.queries.execute(new GetScoresQuery(tenderId, actor));
  }

  @Get('ranking')
  @Roles('officer', 'legal', 'auditor')
  @ApiOperation({
    operationId: 'getRanking',

    summary:
      "The system's ranking by the notice's weighted criteria, and every rule still unmet before an award",
  })
  @ApiErrors('NOT_YOUR_ORGANISATION')
  @ApiOkResponse({ type: RankingDto })
  ranking(@CurrentActor() actor: Actor, @Param('tenderId', TenderId) tenderId: string) {
    return this.queries.execute(new GetRankingQuery(tenderId, actor));
  }

  private onTenderStream(
    actor: Actor,
    request: FastifyRequest,
    tenderId: string,
    change: OfficerEvaluationChange,
  ): Promise<LifecycleCommandResult> {
    return this.commands.execute(
      new ChangeEvaluationCommand(
        commandContext(actor, request, this.clock.now()),
        tenderId,
        change,
      ),
    );
  }

  private evaluator(
    actor: Actor,
    request: FastifyRequest,
    tenderId: string,
    change: EvaluatorChange,
  ): Promise<LifecycleCommandResult> {
    return this.commands.execute(
      new EvaluatorCommand(commandContext(actor, request, this.clock.now()), tenderId, change),
    );
  }
}
