import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { SchedulerLifecycle } from '../scheduler-lifecycle.service';

/** Failures in a row before the feed counts as down (a blip is retried without alarm). */
const DOWN_AFTER_FAILURES = 3;

/** The scheduler feed: its checkpoint, events handled, and whether it keeps failing. */
@Injectable()
export class FeedHealthIndicator {
  constructor(
    private readonly scheduler: SchedulerLifecycle,
    private readonly health: HealthIndicatorService,
  ) {}

  isHealthy(key = 'feed') {
    const session = this.health.check(key);
    const { startup } = this.scheduler;
    if (startup.failures >= DOWN_AFTER_FAILURES) {
      // The jobs could not be rebuilt at start-up, so the feed has not started.
      return session.down({
        state: 'starting',
        startupFailures: startup.failures,
        lastError: startup.lastError,
      });
    }
    const status = this.scheduler.feed.status();
    return status.failures >= DOWN_AFTER_FAILURES
      ? session.down({ ...status })
      : session.up({ ...status });
  }
}
