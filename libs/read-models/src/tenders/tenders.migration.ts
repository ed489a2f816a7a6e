import type { Migration } from '@fairtender/event-store';

/**
 * The tenders table as migration 1000 created it, with the other first read models (schema/migrations.ts
 * runs them as one migration, as it always has).
 */
export const TENDERS_TABLE_SQL = /* sql */ `
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
`;

/** The tenders table's later migrations. */
export const TENDERS_MIGRATIONS: readonly Migration[] = [
  {
    id: 1330,
    name: 'read models: the statutory minimum tendering period each notice was held to',
    // NULL for notices published before the minimum periods were enforced (their events record none).
    sql: /* sql */ `ALTER TABLE rm_tenders ADD COLUMN tendering_period jsonb;`,
  },
];
