import type { SqlQueryable } from '@fairtender/event-store';
import {
  decryptWebhookSecret,
  encryptWebhookSecret,
  generateWebhookSecret,
} from './webhook-secret';

export interface WebhookRegistration {
  supplierId: string;
  url: string;
  registeredAt: string;
}

export interface RegisteredWebhook extends WebhookRegistration {
  /** Shown once, in the answer to the registration; stored only encrypted. */
  secret: string;
  /** A previous registration (and its secret) was replaced. */
  replaced: boolean;
}

interface Row {
  supplier_id: string;
  url: string;
  secret_ciphertext: string;
  registered_at: Date | string;
  replaced?: boolean;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** One webhook per supplier: registering again replaces the URL and issues a new secret. */
export class WebhookRegistrations {
  constructor(
    private readonly db: SqlQueryable,
    private readonly masterKey: Buffer,
  ) {}

  /**
   * Registered at the database's clock, the clock events are recorded by: a supplier hears of events
   * recorded after it registered, never of older ones replayed later.
   */
  async register(supplierId: string, url: string): Promise<RegisteredWebhook> {
    const secret = generateWebhookSecret();
    const [row] = await this.db.query<Row>(
      `INSERT INTO webhook_registrations (supplier_id, url, secret_ciphertext, registered_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (supplier_id) DO UPDATE
         SET url = EXCLUDED.url, secret_ciphertext = EXCLUDED.secret_ciphertext,
             registered_at = EXCLUDED.registered_at
       RETURNING supplier_id, url, secret_ciphertext, registered_at, (xmax <> 0) AS replaced`,
      [supplierId, url, encryptWebhookSecret(this.masterKey, supplierId, secret)],
    );
    return {
      supplierId,
      url: row.url,
      registeredAt: iso(row.registered_at),
      secret,
      replaced: row.replaced === true,
    };
  }

  async find(supplierId: string): Promise<WebhookRegistration | undefined> {
    const [row] = await this.db.query<Row>(
      'SELECT supplier_id, url, registered_at FROM webhook_registrations WHERE supplier_id = $1',
      [supplierId],
    );
    return row && { supplierId, url: row.url, registeredAt: iso(row.registered_at) };
  }

  /** With the secret decrypted: for signing a delivery only. */
  async findWithSecret(
    supplierId: string,
  ): Promise<(WebhookRegistration & { secret: string }) | undefined> {
    const [row] = await this.db.query<Row>(
      'SELECT * FROM webhook_registrations WHERE supplier_id = $1',
      [supplierId],
    );
    if (!row) return undefined;
    return {
      supplierId,
      url: row.url,
      registeredAt: iso(row.registered_at),
      secret: decryptWebhookSecret(this.masterKey, supplierId, row.secret_ciphertext),
    };
  }

  /** True when there was one to remove. */
  async remove(supplierId: string): Promise<boolean> {
    const rows = await this.db.query(
      'DELETE FROM webhook_registrations WHERE supplier_id = $1 RETURNING supplier_id',
      [supplierId],
    );
    return rows.length > 0;
  }

  /** Every supplier with a webhook, and since when. */
  async suppliers(): Promise<{ supplierId: string; registeredAt: Date }[]> {
    const rows = await this.db.query<{ supplier_id: string; registered_at: Date | string }>(
      'SELECT supplier_id, registered_at FROM webhook_registrations ORDER BY supplier_id',
    );
    return rows.map((row) => ({
      supplierId: row.supplier_id,
      registeredAt: new Date(row.registered_at),
    }));
  }
}
