import { APPEND_FUNCTION_SQL } from './append-statement';
import { BID_DOCUMENTS_SQL } from './bid-documents-migration';

/**
 * Schema of the PostgreSQL and embedded (PGlite) adapters: the same SQL runs on both.
 *
 * Global order is (transaction_id, position): `position` comes from a sequence, so a slow transaction
 * can commit a lower position after a faster one has committed a higher one. Readers therefore only
 * see events whose transaction is older than every transaction still in flight
 * (`transaction_id < pg_snapshot_xmin(pg_current_snapshot())`), and order by transaction first. Once a
 * reader has seen an event, nothing can later appear before it: no gaps are skipped, ever.
 * This is the approach of Marten's high-water-mark successor and of eugene-khyst/postgresql-event-sourcing;
 * see README "Global order".
 */
export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'event store',
    sql: /* sql */ `
CREATE TABLE fairtender_events (
  position        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id  xid8   NOT NULL DEFAULT pg_current_xact_id(),
  event_id        uuid   NOT NULL,
  stream_name     text   NOT NULL,
  revision        bigint NOT NULL,
  type            text   NOT NULL,
  version         integer NOT NULL,
  data            jsonb  NOT NULL,
  metadata        jsonb  NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  previous_hash   bytea  NOT NULL,
  hash            bytea  NOT NULL,
  CONSTRAINT fairtender_events_event_id_unique UNIQUE (event_id),
  -- Also the concurrency guard: of two writers racing for the same revision, one insert fails.
  CONSTRAINT fairtender_events_stream_revision_unique UNIQUE (stream_name, revision)
);

CREATE INDEX fairtender_events_global_order ON fairtender_events (transaction_id, position);
CREATE INDEX fairtender_events_stream_prefix
  ON fairtender_events (stream_name text_pattern_ops, transaction_id, position);

-- What a batch of event ids already written means for a retry: the same batch (same ids, same
-- content, proved by re-deriving each stored hash) re-sent with a compatible expectation is
-- 'idempotent' and answered with the first result; none written is 'not_found'; anything else
-- is a conflict. (The append itself is one statement: see append-statement.ts.)
CREATE FUNCTION fairtender_replayed_append(
  p_stream text, p_expected_kind text, p_expected bigint, p_ids uuid[], p_content_hashes text[]
) RETURNS TABLE (status text, actual_revision bigint, next_revision bigint, commit_position text, prepare_position text)
LANGUAGE sql STABLE AS $fn$
  WITH batch AS (
    SELECT e.stream_name, e.revision, e.transaction_id, e.position, b.n,
           e.hash = sha256(e.previous_hash || decode(b.content_hash, 'hex') || int8send(e.revision)) AS same_content
      FROM unnest(p_ids, p_content_hashes) WITH ORDINALITY AS b(id, content_hash, n)
      JOIN fairtender_events e ON e.event_id = b.id
  ), summary AS (
    SELECT count(*) AS n_found, bool_and(stream_name = p_stream AND same_content) AS same_stream_and_content,
           count(DISTINCT revision - n) AS offsets, count(DISTINCT transaction_id) AS transactions,
           min(revision) AS first_rev, max(revision) AS last_rev,
           max(transaction_id) AS tx, max(position) AS last_pos
      FROM batch
  )
  SELECT CASE
           WHEN n_found = 0 THEN 'not_found'
           WHEN n_found = cardinality(p_ids) AND same_stream_and_content AND offsets = 1 AND transactions = 1
            AND (p_expected_kind = 'any'
              OR (p_expected_kind = 'exact' AND first_rev - 1 = p_expected)
              OR (p_expected_kind = 'no_stream' AND first_rev = 0)
              OR (p_expected_kind = 'stream_exists' AND first_rev > 0))
           THEN 'idempotent' ELSE 'event_id_conflict' END,
         NULL::bigint, last_rev, tx::text, last_pos::text
    FROM summary
$fn$;
${APPEND_FUNCTION_SQL}`,
  },
  { id: 50, name: 'bid documents', sql: BID_DOCUMENTS_SQL },
];
