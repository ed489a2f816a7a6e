import { Public } from '@fairtender/auth';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, HealthDto, LivenessDto } from '../../api/src';
import { Controller, Get, Optional } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthIndicatorFunction } from '@nestjs/terminus';
import {
  EventStoreHealthIndicator,
  ReadModelDatabaseHealthIndicator,
} from '@fairtender/event-store';
import { ProjectionRunnerHealthIndicator } from '@fairtender/read-models';
import {
  FeedHealthIndicator,
  QueuesHealthIndicator,
  RedisHealthIndicator,
} from '../../scheduler/src';

/** Everything the one process depends on: the event store, the read models and their projector, and Redis if scheduled. */
@Public()
@ApiTags('health')
@Controller('health')
export class StandaloneHealthController {
  private readonly checks: HealthIndicatorFunction[];

  constructor(
    private readonly health: HealthCheckService,
    eventStore: EventStoreHealthIndicator,
    readModels: ReadModelDatabaseHealthIndicator,
    projector: ProjectionRunnerHealthIndicator,
    @Optional() redis?: RedisHealthIndicator,
    @Optional() queues?: QueuesHealthIndicator,
    @Optional() feed?: FeedHealthIndicator,
  ) {
    this.checks = [
      () => eventStore.isHealthy(),
      () => readModels.isHealthy(),
      () => projector.isHealthy(),
    ];
    if (redis) this.checks.push(() => redis.isHealthy());
    if (queues) this.checks.push(() => queues.isHealthy());
    if (feed) this.checks.push(() => feed.isHealthy());
  }

  @Get()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiErrors('HTTP_503')
  @ApiOperation({
    operationId: 'getHealth',
    summary: 'Whether this process and what it needs answer',
  })
  @ApiOkResponse({ type: HealthDto })
  check() {
    return this.health.check(this.checks);
  }

  /** Liveness: the process answers; it checks no dependency, so a database outage restarts nothing. */
  @Get('live')
  @ApiOperation({
    operationId: 'getLiveness',
    summary: 'Whether this process answers (no dependency checked)',
  })
  @ApiOkResponse({ type: LivenessDto })
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the same checks as `/health`; 503 while a dependency is down, so traffic waits. */
  @Get('ready')
  @HealthCheck({ swaggerDocumentation: false })
  @ApiErrors('HTTP_503')
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Whether this process may take traffic: the checks of /health',
  })
  @ApiOkResponse({ type: HealthDto })
  ready() {
    return this.check();
  }
}
