/**
 * The bid receipts table as migration 1000 created it, with the other first read models (schema/migrations.ts
 * runs them as one migration, as it always has).
 */
export const BID_RECEIPTS_TABLE_SQL = /* sql */ `
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
`;
