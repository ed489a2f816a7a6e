import { Module } from '@nestjs/common';
import { AppConfigModule } from '@fairtender/config';
import { EventStoreModule } from '@fairtender/event-store';
import { LoggerModule } from '@fairtender/observability';
import { RedisModule } from './redis/redis.module';

/** Deadlines, notifications and publication as BullMQ jobs on Redis (the workers arrive with them). */
@Module({
  imports: [AppConfigModule, LoggerModule, EventStoreModule, RedisModule],
  exports: [RedisModule],
})
export class SchedulerModule {}
