import { Injectable } from '@nestjs/common';
import { AppConfig, type WebhookSettings } from '@fairtender/config';
import {
  checkWebhookUrl,
  DeliveryLog,
  resolveTarget,
  WebhookRegistrations,
  WebhookUrlNotAllowedError,
  type LoggedAttempt,
  type RegisteredWebhook,
  type WebhookRegistration,
} from '@fairtender/notifications';
import { ApiError } from '../http/api-error';

const DEFAULT_PAGE = 50;

/** A supplier's webhook and its delivery log; the scheduler does the delivering. */
@Injectable()
export class WebhooksService {
  private readonly policy: WebhookSettings;

  constructor(
    private readonly registrations: WebhookRegistrations,
    private readonly log: DeliveryLog,
    config: AppConfig,
  ) {
    this.policy = config.webhooks;
  }

  /**
   * Checks the URL (scheme, no credentials, every address the host resolves to public unless
   * configured otherwise) and registers it with a new signing secret, replacing any earlier one.
   * The addresses are checked again at every delivery: a name can be re-pointed after this.
   */
  async register(supplierId: string, url: string): Promise<RegisteredWebhook> {
    try {
      await resolveTarget(checkWebhookUrl(url, this.policy), this.policy);
    } catch (error) {
      if (error instanceof WebhookUrlNotAllowedError) {
        throw new ApiError(422, error.code, error.message, {
          reason: error.reason,
          ...error.details,
        });
      }
      throw error;
    }
    return this.registrations.register(supplierId, new URL(url).href);
  }

  async get(supplierId: string): Promise<WebhookRegistration> {
    const registration = await this.registrations.find(supplierId);
    if (!registration) throw notFound();
    return registration;
  }

  async remove(supplierId: string): Promise<void> {
    if (!(await this.registrations.remove(supplierId))) throw notFound();
  }

  async deliveries(
    supplierId: string,
    { limit = DEFAULT_PAGE, cursor, before }: { limit?: number; cursor?: string; before?: string },
  ): Promise<{ items: Omit<LoggedAttempt, 'supplierId'>[]; nextCursor: string | null }> {
    // `cursor` is the name every list pages with (docs/api.md); `before` is kept for earlier clients.
    const rows = await this.log.forSupplier(supplierId, {
      limit: limit + 1,
      before: cursor ?? before,
    });
    const items = rows.slice(0, limit).map(({ supplierId: _own, ...rest }) => rest);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}

function notFound(): ApiError {
  return new ApiError(
    404,
    'WEBHOOK_NOT_FOUND',
    'You have no webhook registered; PUT /webhook to register one',
  );
}
