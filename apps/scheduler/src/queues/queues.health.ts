import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { DEADLINES_QUEUE, NOTIFICATIONS_QUEUE } from './queue-names';

const COUNTED = ['waiting', 'delayed', 'active', 'failed', 'completed', 'prioritized'] as const;

/**
 * Depth and failures of every queue: `{ deadlines: { waiting, delayed, active, failed, … },
 * notifications: { … } }`. Down when Redis does not answer in time.
 */
@Injectable()
export class QueuesHealthIndicator {
  private readonly queues: Queue[];

  constructor(
    @InjectQueue(DEADLINES_QUEUE) deadlines: Queue,
    @InjectQueue(NOTIFICATIONS_QUEUE) notifications: Queue,
    private readonly health: HealthIndicatorService,
  ) {
    this.queues = [deadlines, notifications];
  }

  isHealthy(key = 'queues', timeoutMs = 1000) {
    return this.health
      .check(key)
      .attempt(async () => {
        const counts = await Promise.all(
          this.queues.map((queue) => queue.getJobCounts(...COUNTED)),
        );
        return Object.fromEntries(this.queues.map((queue, i) => [queue.name, counts[i]]));
      })
      .withTimeout(timeoutMs);
  }
}
