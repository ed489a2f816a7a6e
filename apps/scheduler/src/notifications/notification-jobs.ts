import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import type { OutboxEntry } from '@fairtender/notifications';
import type { JobsOptions, Queue } from 'bullmq';
import { idPart, NOTIFICATIONS_QUEUE } from '../queues/queue-names';

export interface NotificationJobData {
  eventId: string;
  supplierId: string;
}

/**
 * `<eventId>:<supplierId>:webhook`: one delivery job per notification and supplier, so the same event
 * enqueued twice (a replay, two scheduler instances) is delivered once. (BullMQ refuses an id with a
 * single colon, and the channel leaves room for others.)
 */
export function notificationJobId(eventId: string, supplierId: string): string {
  return `${idPart(eventId)}:${idPart(supplierId)}:webhook`;
}

const WEEK_SECONDS = 7 * 24 * 3600;

@Injectable()
export class NotificationJobs {
  private readonly options: JobsOptions;

  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) readonly queue: Queue<NotificationJobData>,
    config: AppConfig,
  ) {
    this.options = {
      attempts: config.webhooks.maxAttempts,
      backoff: { type: 'exponential', delay: config.webhooks.retryBaseMs },
      removeOnComplete: { age: WEEK_SECONDS },
      removeOnFail: false,
    };
  }

  /** Enqueues the entries still pending; ids already in the queue are left as they are. */
  async enqueue(entries: readonly OutboxEntry[]): Promise<number> {
    const pending = entries.filter((entry) => entry.status === 'pending');
    if (pending.length === 0) return 0;
    await this.queue.addBulk(
      pending.map(({ eventId, supplierId, notificationType }) => ({
        name: notificationType,
        data: { eventId, supplierId },
        opts: { ...this.options, jobId: notificationJobId(eventId, supplierId) },
      })),
    );
    return pending.length;
  }
}
