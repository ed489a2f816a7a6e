import { Module } from '@nestjs/common';
import { AwardController } from './award.controller';
import { AWARD_COMMAND_HANDLERS } from './award.handlers';
import { AWARD_QUERY_HANDLERS } from './award.queries';

/**
 * Award and standstill: every command decided on the tender as its streams hold it now
 * (`TenderViews`, shared by the stages from the runtime module), never on a read model.
 */
@Module({
  controllers: [AwardController],
  providers: [...AWARD_COMMAND_HANDLERS, ...AWARD_QUERY_HANDLERS],
})
export class AwardApiModule {}
