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

  /** Liveness: the process answers; it checks no dependency, so a database outage restarts nothing. */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the same checks as `/health`; 503 while a dependency is down, so traffic waits. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.check();
  }
}
