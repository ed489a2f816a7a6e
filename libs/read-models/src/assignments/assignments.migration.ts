import type { Migration } from '@fairtender/event-store';

/**
 * Its own checkpoint group (`assignments`): on a database projected before it, the group starts from
 * the start of the log and fills both tables while the others carry on.
 */
export const ASSIGNMENTS_MIGRATION: Migration = {
  id: 1450,
  name: "read models: each evaluator's panels and what it still has to score (issue 16)",
  sql: /* sql */ `
CREATE TABLE rm_evaluation_tenders (
  tender_id              text PRIMARY KEY,
  buyer_organisation_id  text NOT NULL,
  title                  text,
  stage                  text NOT NULL,
  round                  integer NOT NULL,
  quality_criteria       jsonb NOT NULL,
  bids                   jsonb NOT NULL,
  opened                 jsonb,
  compliance             jsonb NOT NULL,
  appointed              jsonb NOT NULL,
  panel                  jsonb NOT NULL
);
CREATE TABLE rm_evaluator_assignments (
  tender_id                 text NOT NULL,
  evaluator_id              text NOT NULL,
  buyer_organisation_id     text NOT NULL,
  title                     text,
  stage                     text NOT NULL,
  round                     integer NOT NULL,
  membership                text NOT NULL CHECK (membership IN ('appointed', 'accepted', 'removed')),
  status                    text NOT NULL CHECK (status IN ('to-score', 'done', 'closed')),
  bids_to_score             integer NOT NULL,
  bids_awaiting_compliance  integer NOT NULL,
  declarations_due          integer NOT NULL,
  cells_expected            integer NOT NULL,
  cells_scored              integer NOT NULL,
  declarations              jsonb NOT NULL,
  scored                    jsonb NOT NULL,
  submitted_round           integer,
  submitted_at              timestamptz,
  appointed_at              timestamptz NOT NULL,
  updated_at                timestamptz NOT NULL,
  PRIMARY KEY (tender_id, evaluator_id)
);
-- An evaluator's work list, newest appointment first, keyset-paged on (appointed_at, tender_id).
CREATE INDEX rm_evaluator_assignments_evaluator
  ON rm_evaluator_assignments (evaluator_id, buyer_organisation_id, appointed_at DESC, tender_id DESC);`,
};
