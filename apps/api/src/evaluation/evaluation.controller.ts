import { Body, Controller, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
    summary:
      'Pass or exclude an opened bid (officer); excluding needs a reason code, the requirement failed and a reason text. The price is read from the bid',
  })
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
  @ApiOperation({ summary: 'Appoint the evaluation panel (officer): at least 2 evaluators' })
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
    summary:
      'Accept your appointment to the panel (an evaluator of the buyer, named on it): only accepted members count and may act',
  })
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
    summary:
      "Record the panel's agreed score for one criterion of one bid (officer), with the reason where it differs; outside the evaluators' range it waits for a second officer",
  })
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
    summary:
      "Confirm an agreed score outside the evaluators' range (a second, different officer, with a reason): only then it counts",
  })
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
    summary:
      'Declare whether you have a conflict of interest with a supplier (evaluator), before scoring it',
  })
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
    summary:
      "Score quality criteria of a compliant bid on the notice's scale, each justified (evaluator)",
  })
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
    summary:
      "Submit your scores for the round (evaluator): they become final, and the panel's become visible to you",
  })
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
    summary:
      'Scores, blind: an evaluator sees its own until it submits; officers see submitted ones; legal and auditors all',
  })
  scores(@CurrentActor() actor: Actor, @Param('tenderId', TenderId) tenderId: string) {
    return this.queries.execute(new GetScoresQuery(tenderId, actor));
  }

  @Get('ranking')
  @Roles('officer', 'legal', 'auditor')
  @ApiOperation({
    summary:
      "The system's ranking by the notice's weighted criteria, and every rule still unmet before an award",
  })
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
