import { migrate, type MigrationReport, type SqlClient } from '@fairtender/event-store';
import type { Migration } from '@fairtender/event-store';
import { BID_RECEIPTS_TABLE_SQL } from '../bid-receipts/bid-receipts.migration';
import { BIDS_TABLE_SQL } from '../bids/bids.migration';
import { CLARIFICATIONS_TABLE_SQL } from '../clarifications/clarifications.migration';
import { READ_MODELS } from '../read-models';
import { TENDERS_TABLE_SQL } from '../tenders/tenders.migration';

/**
 * Read-model schema: migration 1000 (the checkpoints and the first four read models' tables, created
 * together), then every registered read model's own migrations, then 1340. Ids start at 1000: the event store owns 1..99 in the same migrations table.
 * Rows hold only what the events say (no `now()`), so a rebuild reproduces them exactly; the
 * checkpoint's `updated_at` is the one clock reading, and it is not a read model.
 */
export const READ_MODEL_MIGRATIONS: readonly Migration[] = [
  {
    id: 1000,
    name: 'read models: checkpoints, tenders, clarifications, bids, bid receipts',
    sql: /* sql */ `
CREATE TABLE rm_projection_checkpoints (
  projection        text PRIMARY KEY,
  -- NULL: nothing projected yet (start from the beginning of the log).
  commit_position   bigint,
  prepare_position  bigint,
  updated_at        timestamptz NOT NULL DEFAULT now()
);

${TENDERS_TABLE_SQL}${CLARIFICATIONS_TABLE_SQL}${BIDS_TABLE_SQL}${BID_RECEIPTS_TABLE_SQL}`,
  },
  ...READ_MODELS.flatMap((model) => model.migrations),
  {
    id: 1340,
    name: 'read models: one checkpoint per checkpoint group, each where the single one stood',
    // Every group was projected up to the single checkpoint: each starts there, nothing re-applied
    // or skipped. The group names are those of the projections (tendering, ocds, integrity) then.
    sql: /* sql */ `
INSERT INTO rm_projection_checkpoints (projection, commit_position, prepare_position, updated_at)
SELECT c.projection || '/' || g.name, c.commit_position, c.prepare_position, c.updated_at
  FROM rm_projection_checkpoints c
 CROSS JOIN (VALUES ('tendering'), ('ocds'), ('integrity')) AS g(name)
 WHERE position('/' IN c.projection) = 0
ON CONFLICT (projection) DO NOTHING;
DELETE FROM rm_projection_checkpoints WHERE position('/' IN projection) = 0;`,
  },
].sort((x, y) => x.id - y.id);

/** Every table a rebuild empties (the checkpoint included), in one TRUNCATE. */
export const READ_MODEL_TABLES: readonly string[] = [
  'rm_projection_checkpoints',
  ...READ_MODELS.flatMap((model) => model.tables.map((spec) => spec.table)),
];

/** Applies pending read-model migrations (the CLI's `migrate` and ReadModelsModule call this). */
export function migrateReadModels(client: SqlClient): Promise<MigrationReport> {
  return migrate(client, READ_MODEL_MIGRATIONS);
}
