import { Module } from '@nestjs/common';
import { ProcurementsController } from './planning.controller';
import { PLANNING_COMMAND_HANDLERS } from './planning.handlers';
import { PLANNING_QUERY_HANDLERS } from './planning.queries';

/** The procurement before its notice (issue 14): decided on the tender stream, read from rm_procurements. */
@Module({
  controllers: [ProcurementsController],
  providers: [...PLANNING_COMMAND_HANDLERS, ...PLANNING_QUERY_HANDLERS],
})
export class PlanningApiModule {}
