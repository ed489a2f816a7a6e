import { Module } from '@nestjs/common';
import { AppConfigModule } from '@fairtender/config';
import { EventStoreModule } from '@fairtender/event-store';
import { LoggerModule } from '@fairtender/observability';

/** The HTTP API's features, without its health endpoint, so the all-in-one process can compose it. */
@Module({
  imports: [AppConfigModule, LoggerModule, EventStoreModule],
})
export class ApiModule {}
