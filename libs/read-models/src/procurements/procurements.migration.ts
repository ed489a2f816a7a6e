import type { Migration } from '@fairtender/event-store';

export const PROCUREMENTS_MIGRATION: Migration = {
  id: 1400,
  name: 'read models: the procurement before its notice (issue 14)',
  sql: /* sql */ `
CREATE TABLE rm_procurements (
  tender_id              text PRIMARY KEY,
  buyer_organisation_id  text NOT NULL,
  stage                  text NOT NULL,
  record                 jsonb NOT NULL,
  opened_at              timestamptz NOT NULL,
  last_revision          bigint NOT NULL
);
CREATE INDEX rm_procurements_buyer ON rm_procurements (buyer_organisation_id, opened_at);`,
};
