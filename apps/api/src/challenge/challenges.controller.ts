import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
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
import type { Actor } from '@fairtender/domain';
import { derivedEventId } from '@fairtender/event-store';
import { ChallengeId } from '../http/id-params';
import type { LifecycleCommandResult } from '../runtime/lifecycle-command-result';
import { Clock } from '../runtime/clock';
import { commandContext } from '../runtime/command-context';
import { commandIdFor, idempotencyKeyOf } from '../http/idempotency';
import { TenderId } from '../http/params';
import { pageOf, PageQueryDto } from '../http/page';
import { plain } from '../http/plain';
import { DecideChallengeCommand } from './challenge.commands';
import { GetChallengesQuery } from './challenge.queries';
import { LodgeChallengeDto, ResolveChallengeDto } from './dto/challenge.dto';
import { Locates } from '../http/http-conventions.interceptor';
import { ApiErrors } from '../http/api-errors';
import { ChallengePageDto } from './dto/challenge-responses.dto';
import { ChallengeLodgedDto, LifecycleCommandResultDto } from '../http/responses.dto';

/** Challenges to an award in standstill (rule 7): lodged by a bidder, resolved by legal. */
@ApiTags('challenges')
@ApiBearerAuth()
@Controller('tenders/:tenderId/challenges')
export class ChallengesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('supplier')
  @Locates('/tenders/:tenderId/challenges')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retried challenge with the same key keeps its id: never a second challenge',
  })
  @ApiOperation({
    operationId: 'lodgeChallenge',

    summary:
      'Challenge the award during its standstill (a bidder): the award is suspended until it is resolved',
  })
  @ApiErrors(
    'ILLEGAL_STAGE',
    'NOT_A_BIDDER',
    'CHALLENGE_OUT_OF_TIME',
    'INVALID_CHALLENGE',
    'CHALLENGE_ID_REUSED',
  )
  @ApiCreatedResponse({ type: ChallengeLodgedDto })
  async lodge(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Headers() headers: Record<string, string>,
    @Param('tenderId', TenderId) tenderId: string,
    @Body() body: LodgeChallengeDto,
  ): Promise<LifecycleCommandResult & { challengeId: string }> {
    const commandId = commandIdFor(actor, `${tenderId}:challenge`, idempotencyKeyOf(headers));
    const { grounds, text } = plain(body);
    const challengeId = body.challengeId ?? derivedEventId(commandId, -1);
    const result = await this.commands.execute(
      new DecideChallengeCommand(
        commandContext(actor, request, this.clock.now(), commandId),
        tenderId,
        { type: 'LodgeChallenge', challengeId, grounds, text },
      ),
    );
    return { ...result, challengeId };
  }

  @Post(':challengeId/outcome')
  @HttpCode(200)
  @Roles('legal')
  @ApiOperation({
    operationId: 'resolveChallenge',

    summary:
      'Record how a challenge ended (legal): dismissed or withdrawn lifts the suspension; upheld re-evaluates or cancels',
  })
  @ApiErrors(
    'NOT_YOUR_ORGANISATION',
    'CHALLENGE_NOT_FOUND',
    'CHALLENGE_ALREADY_RESOLVED',
    'REASON_REQUIRED',
    'INVALID_CHALLENGE',
  )
  @ApiOkResponse({ type: LifecycleCommandResultDto })
  resolve(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Param('tenderId', TenderId) tenderId: string,
    @Param('challengeId', ChallengeId) challengeId: string,
    @Body() body: ResolveChallengeDto,
  ): Promise<LifecycleCommandResult> {
    return this.commands.execute(
      new DecideChallengeCommand(commandContext(actor, request, this.clock.now()), tenderId, {
        type: 'ResolveChallenge',
        challengeId,
        ...plain(body),
      }),
    );
  }

  @Get()
  @Roles('officer', 'legal', 'auditor', 'supplier')
  @ApiOperation({
    operationId: 'listChallenges',

    summary:
      "The tender's challenges in the order they were lodged, paged (officers of the buyer, legal, auditors); a supplier sees its own",
  })
  @ApiErrors('NOT_YOUR_ORGANISATION', 'INVALID_CURSOR')
  @ApiOkResponse({ type: ChallengePageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Param('tenderId', TenderId) tenderId: string,
    @Query() page: PageQueryDto,
  ) {
    const challenges = await this.queries.execute(new GetChallengesQuery(tenderId, actor));
    return pageOf(challenges, (challenge) => challenge.challengeId, page);
  }
}
