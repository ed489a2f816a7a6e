import { Module } from '@nestjs/common';
import { BidContentReader } from '../bidding/bid-content';
import { AssignmentsController } from './assignments.controller';
import { ListOwnAssignmentsHandler } from './assignments.queries';
import { EvaluationController } from './evaluation.controller';
import { EVALUATION_COMMAND_HANDLERS } from './evaluation.handlers';
import { EVALUATION_QUERY_HANDLERS } from './evaluation.queries';

/**
 * Evaluation: compliance, the panel, declarations, scores and moderation, decided on the streams; an
 * evaluator's work list, read from the read models.
 */
@Module({
  controllers: [EvaluationController, AssignmentsController],
  providers: [
    BidContentReader,
    ...EVALUATION_COMMAND_HANDLERS,
    ...EVALUATION_QUERY_HANDLERS,
    ListOwnAssignmentsHandler,
  ],
})
export class EvaluationApiModule {}
