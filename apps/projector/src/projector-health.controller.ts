import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import {
  EventStoreHealthIndicator,
  ReadModelDatabaseHealthIndicator,
} from '@fairtender/event-store';
import { ProjectionRunnerHealthIndicator } from '@fairtender/read-models';

@Controller('health')
export class ProjectorHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly readModels: ReadModelDatabaseHealthIndicator,
    private readonly projector: ProjectionRunnerHealthIndicator,
  ) {}

  /** `projector` carries the runner's state, checkpoint and lag; down once a failure stopped it. */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.eventStore.isHealthy(),
      () => this.readModels.isHealthy(),
      () => this.projector.isHealthy(),
    ]);
  }
}
