import { Public } from '@fairtender/auth';
import { Controller, Get, Optional } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthIndicatorFunction } from '@nestjs/terminus';
import {
  EventStoreHealthIndicator,
  ReadModelDatabaseHealthIndicator,
} from '@fairtender/event-store';
import { ProjectionRunnerHealthIndicator } from '@fairtender/read-models';
import { RedisHealthIndicator } from '../../scheduler/src';

/** Everything the one process depends on: the event store, the read models and their projector, and Redis if scheduled. */
@Public()
@Controller('health')
export class StandaloneHealthController {
  private readonly checks: HealthIndicatorFunction[];

  constructor(
    private readonly health: HealthCheckService,
    eventStore: EventStoreHealthIndicator,
    readModels: ReadModelDatabaseHealthIndicator,
    projector: ProjectionRunnerHealthIndicator,
    @Optional() redis?: RedisHealthIndicator,
  ) {
    this.checks = [
      () => eventStore.isHealthy(),
      () => readModels.isHealthy(),
      () => projector.isHealthy(),
    ];
    if (redis) this.checks.push(() => redis.isHealthy());
  }

  @Get()
  @HealthCheck()
  check() {
    return this.health.check(this.checks);
  }
}
