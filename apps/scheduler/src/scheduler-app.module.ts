import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { SchedulerHealthController } from './scheduler-health.controller';
import { SchedulerModule } from './scheduler.module';

@Module({
  imports: [SchedulerModule, TerminusModule],
  controllers: [SchedulerHealthController],
})
export class SchedulerAppModule {}
