import { Module } from '@nestjs/common';
import { AppConfigModule } from '@fairtender/config';
import { EventStoreModule } from '@fairtender/event-store';
import { LoggerModule } from '@fairtender/observability';
import { ProjectionRunnerModule, ReadModelsModule } from '@fairtender/read-models';

/**
 * Projects events into read models in PostgreSQL. The runner starts at application bootstrap and
 * stops before the event store closes; importing this module (as the standalone app does) is what
 * starts it, once per application.
 */
@Module({
  imports: [
    AppConfigModule,
    LoggerModule,
    EventStoreModule,
    ReadModelsModule,
    ProjectionRunnerModule,
  ],
  exports: [ProjectionRunnerModule],
})
export class ProjectorModule {}
