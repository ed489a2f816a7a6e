import { Module } from '@nestjs/common';
import { BidContentReader } from '../bidding/bid-content';
import { CHALLENGE_COMMAND_HANDLERS } from '../challenge/challenge.handlers';
import { CHALLENGE_QUERY_HANDLERS } from '../challenge/challenge.queries';
import { ChallengesController } from '../challenge/challenges.controller';
import { ContractController } from '../contract/contract.controller';
import { CONTRACT_COMMAND_HANDLERS } from '../contract/contract.handlers';
import { EvaluationController } from '../evaluation/evaluation.controller';
import { EVALUATION_COMMAND_HANDLERS } from '../evaluation/evaluation.handlers';
import { EVALUATION_QUERY_HANDLERS } from '../evaluation/evaluation.queries';
import { TenderViews } from '../shared/tender-views';
import { AwardController } from './award.controller';
import { AWARD_COMMAND_HANDLERS } from './award.handlers';
import { AWARD_QUERY_HANDLERS } from './award.queries';

/**
 * Evaluation, award, standstill, challenge and contract (issue 4): every command decided on the tender
 * as its streams hold it now (`TenderViews`), never on a read model.
 */
@Module({
  controllers: [EvaluationController, AwardController, ChallengesController, ContractController],
  providers: [
    TenderViews,
    BidContentReader,
    ...EVALUATION_COMMAND_HANDLERS,
    ...EVALUATION_QUERY_HANDLERS,
    ...AWARD_COMMAND_HANDLERS,
    ...AWARD_QUERY_HANDLERS,
    ...CHALLENGE_COMMAND_HANDLERS,
    ...CHALLENGE_QUERY_HANDLERS,
    ...CONTRACT_COMMAND_HANDLERS,
  ],
})
export class AwardApiModule {}
