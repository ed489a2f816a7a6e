/**
 * The clarifications table as migration 1000 created it, with the other first read models (schema/migrations.ts
 * runs them as one migration, as it always has).
 */
export const CLARIFICATIONS_TABLE_SQL = /* sql */ `
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
`;
