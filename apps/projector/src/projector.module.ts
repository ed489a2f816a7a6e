import { Module } from '@nestjs/common';
import { AppConfigModule } from '@fairtender/config';
import { EventStoreModule } from '@fairtender/event-store';
import { LoggerModule } from '@fairtender/observability';

/** Projects events into read models in PostgreSQL (the runner arrives with the first read model). */
@Module({
  imports: [AppConfigModule, LoggerModule, EventStoreModule],
})
export class ProjectorModule {}
