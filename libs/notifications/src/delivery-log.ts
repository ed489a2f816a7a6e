import type { SqlQueryable } from '@fairtender/event-store';

export interface DeliveryAttempt {
  eventId: string;
  supplierId: string;
  notificationType: string;
  tenderId: string;
  url: string;
  /** 1 for the first delivery, 2 for the first retry, … */
  attempt: number;
  /** The receiver's HTTP status; absent when no answer came (refused, timed out, not allowed). */
  statusCode?: number;
  error?: string;
  durationMs: number;
  outcome: 'delivered' | 'failed';
}

export interface LoggedAttempt extends DeliveryAttempt {
  id: string;
  attemptedAt: string;
}

interface Row {
  id: string;
  event_id: string;
  supplier_id: string;
  notification_type: string;
  tender_id: string;
  url: string;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  outcome: 'delivered' | 'failed';
  attempted_at: Date | string;
}

/** Every delivery attempt, for the supplier it was for (and nobody else). */
export class DeliveryLog {
  constructor(private readonly db: SqlQueryable) {}

  async record(attempt: DeliveryAttempt): Promise<void> {
    await this.db.query(
      `INSERT INTO notification_deliveries (event_id, supplier_id, notification_type, tender_id, url,
         attempt, status_code, error, duration_ms, outcome)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        attempt.eventId,
        attempt.supplierId,
        attempt.notificationType,
        attempt.tenderId,
        attempt.url,
        attempt.attempt,
        attempt.statusCode ?? null,
        attempt.error ?? null,
        Math.round(attempt.durationMs),
        attempt.outcome,
      ],
    );
  }

  /** Newest first; `before` is the `id` of the last attempt of the previous page. */
  async forSupplier(
    supplierId: string,
    { limit, before }: { limit: number; before?: string },
  ): Promise<LoggedAttempt[]> {
    const rows = await this.db.query<Row>(
      `SELECT id::text, event_id, supplier_id, notification_type, tender_id, url, attempt,
              status_code, error, duration_ms, outcome, attempted_at
         FROM notification_deliveries
        WHERE supplier_id = $1 AND ($2::bigint IS NULL OR id < $2::bigint)
        ORDER BY id DESC LIMIT $3`,
      [supplierId, before ?? null, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      eventId: row.event_id,
      supplierId: row.supplier_id,
      notificationType: row.notification_type,
      tenderId: row.tender_id,
      url: row.url,
      attempt: row.attempt,
      ...(row.status_code === null ? {} : { statusCode: row.status_code }),
      ...(row.error === null ? {} : { error: row.error }),
      durationMs: row.duration_ms,
      outcome: row.outcome,
      attemptedAt: new Date(row.attempted_at).toISOString(),
    }));
  }
}
