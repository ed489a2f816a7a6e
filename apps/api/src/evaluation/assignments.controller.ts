import { Controller, Get, Headers, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@fairtender/auth';
import type { Actor } from '@fairtender/domain';
import { ConsistentRead } from '../runtime/consistent-read';
import { ApiErrors, MIN_POSITION_HEADER } from '../http/api-errors';
import { PAGE_DEFAULT_LIMIT } from '../http/page';
import { EvaluatorAssignmentPageDto, ListOwnAssignmentsDto } from './dto/assignments.dto';
import { ListOwnAssignmentsQuery } from './assignments.queries';

/** An evaluator's own panels and what it still has to score on each, from the read models. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller()
export class AssignmentsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ConsistentRead,
  ) {}

  @Get('assignments')
  @Roles('evaluator')
  @ApiHeader(MIN_POSITION_HEADER)
  @ApiOperation({
    operationId: 'listOwnAssignments',
    summary:
      'Your seats on your authority’s evaluation panels, newest appointment first, with what you still have to score on each; filter by status and stage',
  })
  @ApiErrors('INVALID_CURSOR')
  @ApiOkResponse({ type: EvaluatorAssignmentPageDto })
  async list(
    @CurrentActor() actor: Actor,
    @Query() { limit, cursor, status, stage }: ListOwnAssignmentsDto,
    @Headers() headers: Record<string, string>,
  ) {
    await this.consistency.await(headers);
    return this.queries.execute(
      new ListOwnAssignmentsQuery(actor, {
        limit: limit ?? PAGE_DEFAULT_LIMIT,
        cursor,
        ...(status === undefined || status === 'all' ? {} : { status }),
        stage,
      }),
    );
  }
}
