import type { WebhookRegistrations } from './webhook-registrations';

export interface RegisteredSupplier {
  supplierId: string;
  registeredAt: Date;
}

/** How long the list of suppliers with a webhook is reused before it is read again. */
export const REGISTERED_SUPPLIERS_MAX_AGE_MS = 1000;

/**
 * Who has a webhook, as whoever fans notifications out sees it: read at most once a second, since a
 * query per batch of events costs as much as the rest of the batch. So a registration (or removal)
 * takes effect for events handled up to a second later; a removed webhook is checked again before
 * every delivery anyway, so it never receives one.
 */
export class RegisteredSuppliers {
  private cached?: { at: number; list: Promise<RegisteredSupplier[]> };

  constructor(
    private readonly registrations: Pick<WebhookRegistrations, 'suppliers'>,
    private readonly maxAgeMs = REGISTERED_SUPPLIERS_MAX_AGE_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  list(): Promise<RegisteredSupplier[]> {
    const now = this.clock();
    if (this.cached && now - this.cached.at < this.maxAgeMs) return this.cached.list;
    const list = this.registrations.suppliers();
    this.cached = { at: now, list };
    list.catch(() => {
      if (this.cached?.list === list) this.cached = undefined;
    });
    return list;
  }
}
