import { migrate, type MigrationReport, type SqlClient } from '@fairtender/event-store';
import type { Migration } from '@fairtender/event-store';

/**
 * Webhooks and their deliveries. Ids from 2010: the event store owns 1..99, read models 1000+, the
 * scheduler's checkpoint 2000.
 *
 * Registrations live in a table, not in events: the signing secret must be retrievable to sign, and
 * an append-only, hash-chained, exportable log is the wrong home for a secret (it could never be
 * purged); a webhook URL is a supplier's delivery setting, not a fact of any tender.
 */
export const NOTIFICATION_MIGRATIONS: readonly Migration[] = [
  {
    id: 2010,
    name: 'notifications: webhook registrations, outbox, delivery log',
    sql: /* sql */ `
CREATE TABLE webhook_registrations (
  supplier_id        text PRIMARY KEY,
  url                text NOT NULL,
  -- AES-256-GCM under a key derived from SEALING_MASTER_KEY, bound to supplier_id.
  secret_ciphertext  text NOT NULL,
  registered_at      timestamptz NOT NULL
);

-- One row per notification and supplier, written before its job is enqueued: what must be delivered
-- survives the loss of Redis, and a row delivered once is never delivered again.
CREATE TABLE notification_outbox (
  event_id           uuid NOT NULL,
  supplier_id        text NOT NULL,
  notification_type  text NOT NULL,
  tender_id          text NOT NULL,
  body               text NOT NULL,
  status             text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'delivered', 'failed', 'dropped')),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (event_id, supplier_id)
);
CREATE INDEX notification_outbox_pending ON notification_outbox (created_at) WHERE status = 'pending';

-- One row per delivery attempt, read by the supplier through GET /webhook/deliveries.
CREATE TABLE notification_deliveries (
  id                 bigserial PRIMARY KEY,
  event_id           uuid NOT NULL,
  supplier_id        text NOT NULL,
  notification_type  text NOT NULL,
  tender_id          text NOT NULL,
  url                text NOT NULL,
  attempt            integer NOT NULL,
  status_code        integer,
  error              text,
  duration_ms        integer NOT NULL,
  outcome            text NOT NULL CHECK (outcome IN ('delivered', 'failed')),
  attempted_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_deliveries_supplier ON notification_deliveries (supplier_id, id DESC);
`,
  },
];

export function migrateNotifications(client: SqlClient): Promise<MigrationReport> {
  return migrate(client, NOTIFICATION_MIGRATIONS);
}
