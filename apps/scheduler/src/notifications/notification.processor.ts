import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, type WebhookSettings } from '@fairtender/config';
import {
  deliverWebhook,
  DeliveryLog,
  NotificationOutbox,
  WebhookRegistrations,
} from '@fairtender/notifications';
import { UnrecoverableError, type Job } from 'bullmq';
import type { NotificationJobData } from './notification-jobs';

export type NotificationOutcome =
  | { outcome: 'delivered'; statusCode: number; attempt: number }
  | { outcome: 'already-settled'; status: string }
  | { outcome: 'dropped' };

/**
 * Delivers one notification to one supplier's webhook, signed, and logs the attempt. A failure is
 * retried with exponential backoff up to WEBHOOK_MAX_ATTEMPTS; a target that is not allowed (a private
 * address at delivery time) is not retried. The outbox row says what was delivered, so a notification
 * delivered once is never delivered again, whatever Redis forgets or replays.
 */
@Injectable()
export class NotificationProcessor {
  private readonly logger = new Logger('Notifications');
  private readonly settings: WebhookSettings;

  constructor(
    private readonly outbox: NotificationOutbox,
    private readonly registrations: WebhookRegistrations,
    private readonly log: DeliveryLog,
    config: AppConfig,
  ) {
    this.settings = config.webhooks;
  }

  async process(job: Job<NotificationJobData>): Promise<NotificationOutcome> {
    const { eventId, supplierId } = job.data;
    const entry = await this.outbox.get(eventId, supplierId);
    if (!entry || entry.status !== 'pending') {
      return { outcome: 'already-settled', status: entry?.status ?? 'unknown' };
    }
    const webhook = await this.registrations.findWithSecret(supplierId);
    if (!webhook) {
      // The supplier removed its webhook since: nobody to tell.
      await this.outbox.settle(eventId, supplierId, 'dropped');
      return { outcome: 'dropped' };
    }
    const attempt = job.attemptsMade + 1;
    const result = await deliverWebhook({
      url: webhook.url,
      secret: webhook.secret,
      body: entry.body,
      attempt,
      policy: this.settings,
      timeoutMs: this.settings.timeoutMs,
      nowMs: Date.now(),
    });
    await this.log.record({
      eventId,
      supplierId,
      notificationType: entry.notificationType,
      tenderId: entry.tenderId,
      url: webhook.url,
      attempt,
      statusCode: result.statusCode,
      error: result.error,
      durationMs: result.durationMs,
      outcome: result.delivered ? 'delivered' : 'failed',
    });
    if (result.delivered) {
      await this.outbox.settle(eventId, supplierId, 'delivered');
      return { outcome: 'delivered', statusCode: result.statusCode!, attempt };
    }
    const last = result.refused || attempt >= (job.opts.attempts ?? 1);
    if (last) {
      await this.outbox.settle(eventId, supplierId, 'failed');
      this.logger.warn(`${job.id}: giving up after attempt ${attempt}: ${result.error}`);
    }
    if (result.refused) throw new UnrecoverableError(result.error);
    throw new Error(result.error);
  }
}
