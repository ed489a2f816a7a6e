import { migrate, type MigrationReport, type SqlClient } from '@fairtender/event-store';
import type { Migration } from '@fairtender/event-store';
import { READ_MODELS } from '../projections';

/**
 * Read-model schema. Ids start at 1000: the event store owns 1..99 in the same migrations table.
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

CREATE TABLE rm_tenders (
  tender_id               text PRIMARY KEY,
  buyer_organisation_id   text NOT NULL,
  stage                   text NOT NULL,
  title                   text,
  description             text,
  cpv_codes               jsonb,
  estimated_value         jsonb,
  procedure               text,
  award_criteria          jsonb,
  scoring_scale           jsonb,
  minimum_bids            integer,
  evaluator_count         integer,
  clarification_deadline  timestamptz,
  submission_deadline     timestamptz,
  minimum_response_days   integer,
  jurisdiction            text,
  notice_version          integer NOT NULL,
  drafted_at              timestamptz NOT NULL,
  published_at            timestamptz,
  last_amended_at         timestamptz,
  closed_at               timestamptz,
  opened_at               timestamptz,
  cancelled_at            timestamptz,
  cancellation_reason     text,
  amendments              jsonb NOT NULL DEFAULT '[]',
  -- Head of the tender stream: what a client sends back as If-Match.
  last_revision           bigint NOT NULL
);
-- Public listing, newest first, keyset-paged on (published_at, tender_id); drafts never appear.
CREATE INDEX rm_tenders_published
  ON rm_tenders (published_at DESC, tender_id DESC) WHERE published_at IS NOT NULL;
CREATE INDEX rm_tenders_stage_published
  ON rm_tenders (stage, published_at DESC, tender_id DESC) WHERE published_at IS NOT NULL;

CREATE TABLE rm_clarifications (
  tender_id    text NOT NULL,
  question_id  text NOT NULL,
  question     text NOT NULL,
  asked_at     timestamptz NOT NULL,
  answer       text,
  answered_at  timestamptz,
  -- For the buyer's records only: public queries never return it.
  supplier_id  text NOT NULL,
  PRIMARY KEY (tender_id, question_id)
);

CREATE TABLE rm_bids (
  tender_id             text NOT NULL,
  supplier_id           text NOT NULL,
  -- 'none': only late attempts were recorded, no bid was ever accepted.
  status                text NOT NULL CHECK (status IN ('none', 'submitted', 'withdrawn')),
  content_hash          text,
  size_bytes            bigint,
  first_received_at     timestamptz,
  received_at           timestamptz,
  notice_version        integer,
  needs_reconfirmation  boolean NOT NULL,
  revision_count        integer NOT NULL,
  receipt_count         integer NOT NULL,
  withdrawn_at          timestamptz,
  late_attempts         integer NOT NULL,
  stream_name           text,
  last_revision         bigint,
  PRIMARY KEY (tender_id, supplier_id)
);
CREATE INDEX rm_bids_supplier ON rm_bids (supplier_id, tender_id);

CREATE TABLE rm_bid_receipts (
  event_id      text PRIMARY KEY,
  tender_id     text NOT NULL,
  supplier_id   text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('submitted', 'revised')),
  content_hash  text NOT NULL,
  size_bytes    bigint NOT NULL,
  received_at   timestamptz NOT NULL,
  stream_name   text NOT NULL,
  revision      bigint NOT NULL,
  -- Global position "<commit>-<prepare>", as formatPosition writes it.
  position      text NOT NULL,
  -- 1 for the first accepted version of the bid, then 2, 3, … in the order they were received.
  ordinal       integer NOT NULL,
  UNIQUE (tender_id, supplier_id, ordinal)
);
CREATE INDEX rm_bid_receipts_supplier ON rm_bid_receipts (supplier_id, tender_id, ordinal);
`,
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
