import { Module } from '@nestjs/common';
import { BidContentReader } from '../bidding/bid-content';
import { EvaluationController } from './evaluation.controller';
import { EVALUATION_COMMAND_HANDLERS } from './evaluation.handlers';
import { EVALUATION_QUERY_HANDLERS } from './evaluation.queries';

/** Evaluation: compliance, the panel, declarations, scores and moderation, decided on the streams. */
@Module({
  controllers: [EvaluationController],
  providers: [BidContentReader, ...EVALUATION_COMMAND_HANDLERS, ...EVALUATION_QUERY_HANDLERS],
})
export class EvaluationApiModule {}
