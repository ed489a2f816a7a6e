import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from '@fairtender/event-store';
import { FeedHealthIndicator } from './feed/feed.health';
import { QueuesHealthIndicator } from './queues/queues.health';
import { RedisHealthIndicator } from './redis/redis.health';

/** Event store, Redis, the depth and failures of each queue, and the feed that fills them. */
@Controller('health')
export class SchedulerHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly queues: QueuesHealthIndicator,
    private readonly feed: FeedHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.eventStore.isHealthy(),
      () => this.redis.isHealthy(),
      () => this.queues.isHealthy(),
      () => this.feed.isHealthy(),
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
