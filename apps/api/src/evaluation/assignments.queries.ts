import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Actor, AssignmentStatus, TenderStage } from '@fairtender/domain';
import { ReadModelQueries, type AssignmentRow } from '@fairtender/read-models';
import type { EvaluatorAssignmentDto, EvaluatorAssignmentPageDto } from './dto/assignments.dto';

export class ListOwnAssignmentsQuery extends Query<EvaluatorAssignmentPageDto> {
  constructor(
    readonly actor: Actor,
    readonly options: {
      limit: number;
      cursor?: string;
      status?: AssignmentStatus;
      stage?: TenderStage;
    },
  ) {
    super();
  }
}

/** An evaluator's work list: its own seats on its own authority's panels, never another's. */
@QueryHandler(ListOwnAssignmentsQuery)
export class ListOwnAssignmentsHandler implements IQueryHandler<ListOwnAssignmentsQuery> {
  constructor(private readonly queries: ReadModelQueries) {}

  async execute({ actor, options }: ListOwnAssignmentsQuery): Promise<EvaluatorAssignmentPageDto> {
    const page = await this.queries.listEvaluatorAssignments(
      actor.userId,
      actor.organisationId,
      options,
    );
    return { items: page.items.map(assignmentItem), nextCursor: page.nextCursor };
  }
}

function assignmentItem(row: AssignmentRow): EvaluatorAssignmentDto {
  return {
    tenderId: row.tenderId,
    title: row.title,
    buyerOrganisationId: row.buyerOrganisationId,
    stage: row.stage,
    round: row.round,
    membership: row.membership,
    status: row.status,
    bidsToScore: row.bidsToScore,
    bidsAwaitingCompliance: row.bidsAwaitingCompliance,
    declarationsDue: row.declarationsDue,
    cellsExpected: row.cellsExpected,
    cellsScored: row.cellsScored,
    // A submission of an earlier round does not answer for the current one.
    submittedAt: row.submittedRound === row.round ? row.submittedAt : null,
    appointedAt: row.appointedAt,
    updatedAt: row.updatedAt,
  };
}
