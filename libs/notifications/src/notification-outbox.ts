import type { SqlQueryable } from '@fairtender/event-store';
import type { WebhookNotification } from './notice-notifications';

export type OutboxStatus = 'pending' | 'delivered' | 'failed' | 'dropped';

export interface OutboxEntry {
  eventId: string;
  supplierId: string;
  notificationType: string;
  tenderId: string;
  /** The exact JSON sent, the same bytes on every attempt. */
  body: string;
  status: OutboxStatus;
}

interface Row {
  event_id: string;
  supplier_id: string;
  notification_type: string;
  tender_id: string;
  body: string;
  status: OutboxStatus;
}

const toEntry = (row: Row): OutboxEntry => ({
  eventId: row.event_id,
  supplierId: row.supplier_id,
  notificationType: row.notification_type,
  tenderId: row.tender_id,
  body: row.body,
  status: row.status,
});

/** What must be delivered to whom, in PostgreSQL: the source of truth the notification jobs act on. */
export class NotificationOutbox {
  constructor(private readonly db: SqlQueryable) {}

  /** Adds one entry per supplier; entries already there (a replayed event) are left as they are. */
  async add(
    notification: WebhookNotification,
    supplierIds: readonly string[],
  ): Promise<OutboxEntry[]> {
    if (supplierIds.length === 0) return [];
    const body = JSON.stringify(notification);
    await this.db.query(
      `INSERT INTO notification_outbox (event_id, supplier_id, notification_type, tender_id, body)
       SELECT $1, supplier_id, $2, $3, $4 FROM unnest($5::text[]) AS supplier_id
       ON CONFLICT (event_id, supplier_id) DO NOTHING`,
      [notification.id, notification.type, notification.tenderId, body, [...supplierIds]],
    );
    const rows = await this.db.query<Row>(
      `SELECT * FROM notification_outbox WHERE event_id = $1 AND supplier_id = ANY($2::text[])`,
      [notification.id, [...supplierIds]],
    );
    return rows.map(toEntry);
  }

  async get(eventId: string, supplierId: string): Promise<OutboxEntry | undefined> {
    const [row] = await this.db.query<Row>(
      'SELECT * FROM notification_outbox WHERE event_id = $1 AND supplier_id = $2',
      [eventId, supplierId],
    );
    return row && toEntry(row);
  }

  /** Entries still to deliver, oldest first: re-enqueued at start-up and when Redis lost its data. */
  async pending(
    limit: number,
    after?: { eventId: string; supplierId: string },
  ): Promise<OutboxEntry[]> {
    const rows = await this.db.query<Row>(
      `SELECT * FROM notification_outbox
        WHERE status = 'pending' AND ($2::uuid IS NULL OR (event_id, supplier_id) > ($2::uuid, $3::text))
        ORDER BY event_id, supplier_id LIMIT $1`,
      [limit, after?.eventId ?? null, after?.supplierId ?? null],
    );
    return rows.map(toEntry);
  }

  async settle(eventId: string, supplierId: string, status: Exclude<OutboxStatus, 'pending'>) {
    await this.db.query(
      `UPDATE notification_outbox SET status = $3, updated_at = now()
        WHERE event_id = $1 AND supplier_id = $2`,
      [eventId, supplierId, status],
    );
  }
}
