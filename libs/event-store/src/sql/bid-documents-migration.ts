/**
 * Bid documents live beside the events, not in them (README "Bid documents"): an upload's row, and
 * its sealed chunks in order. Each chunk is `iv ‖ tag ‖ AES-256-GCM ciphertext` of a fixed-size slice
 * of the plaintext (the last one shorter). Ciphertext does not compress, so TOAST is told not to try.
 * Part of the event store's schema so that the embedded (PGlite) database has it too.
 */
export const BID_DOCUMENTS_SQL = /* sql */ `
CREATE TABLE bid_document_uploads (
  upload_id           uuid    PRIMARY KEY,
  tender_id           text    NOT NULL,
  supplier_id         text    NOT NULL,
  name                text    NOT NULL,
  declared_media_type text    NOT NULL,
  declared_size       bigint  NOT NULL CHECK (declared_size > 0),
  received_bytes      bigint  NOT NULL DEFAULT 0 CHECK (received_bytes <= declared_size),
  chunk_count         integer NOT NULL DEFAULT 0,
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL,
  finished_at         timestamptz,
  media_type          text,
  sha256              text,
  sealed_sha256       text
);
CREATE INDEX bid_document_uploads_unfinished ON bid_document_uploads (updated_at)
  WHERE finished_at IS NULL;

CREATE TABLE bid_document_chunks (
  upload_id uuid    NOT NULL REFERENCES bid_document_uploads ON DELETE CASCADE,
  seq       integer NOT NULL,
  bytes     bytea   NOT NULL,
  PRIMARY KEY (upload_id, seq)
);
ALTER TABLE bid_document_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
`;
