import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import {
  EventStoreHealthIndicator,
  ReadModelDatabaseHealthIndicator,
} from '@fairtender/event-store';

@Controller('health')
export class ProjectorHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly readModels: ReadModelDatabaseHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.eventStore.isHealthy(),
      () => this.readModels.isHealthy(),
    ]);
  }
}
