import { Public } from '@fairtender/auth';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, HealthDto, LivenessDto } from '../../api/src';
import { Controller, Get, HttpException, Inject, Optional } from '@nestjs/common';
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
import { WITHOUT_SCHEDULER } from './redis-probe';

/** Why the scheduler is not running, or null when it is. */
export const SCHEDULER_ABSENCE = Symbol('SCHEDULER_ABSENCE');

/** Beside terminus's report: whether deadlines close and webhooks go out, said plainly. */
export type SchedulerReport =
  | { running: true }
  | { running: false; reason: string; deadlines: string; webhooks: string; standstill: string };

/**
 * Everything the one process depends on: the event store, the read models and their projector, and
 * Redis if scheduled. `scheduler` says whether deadlines close by themselves; its absence is not a
 * failure (the embedded default runs without Redis), so it does not turn the answer into a 503.
 */
@Public()
@ApiTags('health')
@Controller('health')
export class StandaloneHealthController {
  private readonly checks: HealthIndicatorFunction[];
  private readonly scheduler: SchedulerReport;

  constructor(
    private readonly health: HealthCheckService,
    eventStore: EventStoreHealthIndicator,
    readModels: ReadModelDatabaseHealthIndicator,
    projector: ProjectionRunnerHealthIndicator,
    @Optional() redis?: RedisHealthIndicator,
    @Optional() queues?: QueuesHealthIndicator,
    @Optional() feed?: FeedHealthIndicator,
    @Optional() @Inject(SCHEDULER_ABSENCE) absence?: string | null,
  ) {
    this.scheduler =
      absence === null || absence === undefined
        ? { running: true }
        : { running: false, reason: absence, ...WITHOUT_SCHEDULER };
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
    summary: 'Whether this process and what it needs answer, and whether the scheduler runs',
  })
  @ApiOkResponse({ type: HealthDto })
  async check() {
    try {
      return { ...(await this.health.check(this.checks)), scheduler: this.scheduler };
    } catch (error) {
      if (error instanceof HttpException && typeof error.getResponse() === 'object')
        Object.assign(error.getResponse(), { scheduler: this.scheduler });
      throw error;
    }
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
