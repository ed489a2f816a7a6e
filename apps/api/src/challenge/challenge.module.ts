import { Module } from '@nestjs/common';
import { CHALLENGE_COMMAND_HANDLERS } from './challenge.handlers';
import { CHALLENGE_QUERY_HANDLERS } from './challenge.queries';
import { ChallengesController } from './challenges.controller';

/** Challenges in standstill: lodging suspends the award (PA 2023 s.101); legal records the outcome. */
@Module({
  controllers: [ChallengesController],
  providers: [...CHALLENGE_COMMAND_HANDLERS, ...CHALLENGE_QUERY_HANDLERS],
})
export class ChallengeApiModule {}
