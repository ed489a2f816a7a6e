/**
 * The bids table as migration 1000 created it, with the other first read models (schema/migrations.ts
 * runs them as one migration, as it always has).
 */
export const BIDS_TABLE_SQL = /* sql */ `
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
`;
