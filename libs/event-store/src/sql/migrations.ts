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
-- 'idempotent' and answered with the first result; anything else is a conflict.
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
           WHEN n_found = cardinality(p_ids) AND same_stream_and_content AND offsets = 1 AND transactions = 1
            AND (p_expected_kind = 'any'
              OR (p_expected_kind = 'exact' AND first_rev - 1 = p_expected)
              OR (p_expected_kind = 'no_stream' AND first_rev = 0)
              OR (p_expected_kind = 'stream_exists' AND first_rev > 0))
           THEN 'idempotent' ELSE 'event_id_conflict' END,
         NULL::bigint, last_rev, tx::text, last_pos::text
    FROM summary
$fn$;

-- Appends in one round trip: read the stream's head, check the expectation, chain the hashes,
-- insert. No lock is taken: the unique (stream_name, revision) index makes a racing writer fail,
-- and the adapter retries it against the new head. (NOTIFY is sent by the adapter after commit:
-- see append-notifier.ts.)
CREATE FUNCTION fairtender_append(
  p_stream text,
  p_expected_kind text,       -- 'exact' | 'any' | 'no_stream' | 'stream_exists'
  p_expected bigint,          -- used when kind = 'exact'
  p_ids uuid[],
  p_types text[],
  p_versions integer[],
  p_data jsonb,               -- JSON array, one element per event
  p_metadata jsonb,           -- JSON array, one element per event
  p_content_hashes text[]     -- hex SHA-256 of each event's canonical content
) RETURNS TABLE (status text, actual_revision bigint, next_revision bigint, commit_position text, prepare_position text)
LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
DECLARE
  v_count   integer := cardinality(p_ids);
  v_current bigint;
  v_head    bytea;
  v_hashes  bytea[] := '{}';
  v_prev    bytea[] := '{}';
  i         integer;
BEGIN
  SELECT e.revision, e.hash INTO v_current, v_head
    FROM fairtender_events e WHERE e.stream_name = p_stream
   ORDER BY e.revision DESC LIMIT 1;
  IF NOT FOUND THEN
    v_current := -1;
    v_head := '\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
  END IF;

  IF (p_expected_kind = 'exact' AND v_current <> p_expected)
     OR (p_expected_kind = 'no_stream' AND v_current <> -1)
     OR (p_expected_kind = 'stream_exists' AND v_current = -1) THEN
    IF EXISTS (SELECT 1 FROM fairtender_events e WHERE e.event_id = ANY (p_ids)) THEN
      RETURN QUERY SELECT * FROM fairtender_replayed_append(p_stream, p_expected_kind, p_expected, p_ids, p_content_hashes);
    ELSE
      RETURN QUERY SELECT 'wrong_expected_version', v_current, NULL::bigint, NULL::text, NULL::text;
    END IF;
    RETURN;
  END IF;

  FOR i IN 1 .. v_count LOOP
    v_prev[i] := v_head;
    v_head := sha256(v_head || decode(p_content_hashes[i], 'hex') || int8send(v_current + i));
    v_hashes[i] := v_head;
  END LOOP;

  RETURN QUERY
    WITH inserted AS (
      INSERT INTO fairtender_events
        (event_id, stream_name, revision, type, version, data, metadata, previous_hash, hash)
      SELECT b.id, p_stream, v_current + b.n, b.type, b.version,
             p_data -> (b.n::integer - 1), p_metadata -> (b.n::integer - 1), b.prev, b.hash
        FROM unnest(p_ids, p_types, p_versions, v_prev, v_hashes)
             WITH ORDINALITY AS b(id, type, version, prev, hash, n)
      RETURNING position, transaction_id
    )
    SELECT 'ok', v_current, v_current + v_count, max(transaction_id)::text, max(position)::text
      FROM inserted;
END
$fn$;
`,
  },
];
