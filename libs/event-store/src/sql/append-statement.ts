/** The stream's head: its last revision and hash, or -1 and the genesis hash for no stream. */
const HEAD = /* sql */ `  head AS (
    SELECT coalesce(h.revision, -1) AS revision,
           coalesce(h.hash, '\\x${'00'.repeat(32)}'::bytea) AS hash
      FROM (SELECT 1) AS one
      LEFT JOIN LATERAL (
        SELECT e.revision, e.hash FROM fairtender_events e
         WHERE e.stream_name = $1::text ORDER BY e.revision DESC LIMIT 1
      ) h ON true
  ),`;

/** Whether the head `revision` meets the expectation ($2 kind, $3 revision). */
const EXPECTATION_HOLDS = /* sql */ `CASE $2::text
             WHEN 'any' THEN true
             WHEN 'no_stream' THEN revision = -1
             WHEN 'stream_exists' THEN revision >= 0
             ELSE revision = $3::bigint
           END`;

/**
 * An append in one statement and one round trip: read the stream's head, check the expectation,
 * chain the hashes (a recursive CTE folds SHA-256 over the batch), insert. No lock is taken: of two
 * writers racing for the same revision, one insert fails on the unique (stream_name, revision) index
 * and the adapter runs it again against the new head. One plain statement, prepared once per
 * connection, costs PostgreSQL about 15 % less than the same steps in a PL/pgSQL function (pgbench,
 * 16 clients), and this is the hot path of a deadline rush.
 *
 * Parameters: $1 stream, $2 expectation kind ('exact' | 'any' | 'no_stream' | 'stream_exists'),
 * $3 expected revision (kind 'exact'), $4 event ids, $5 types, $6 versions, $7 data and $8 metadata
 * (JSON arrays, one element per event), $9 hex SHA-256 of each event's canonical content.
 * Returns status 'ok' with the positions, or 'wrong_expected_version' with the actual revision.
 */
export const APPEND_SQL = /* sql */ `
WITH RECURSIVE
${HEAD}
  allowed AS (
    SELECT revision, hash FROM head
     WHERE ${EXPECTATION_HOLDS}
  ),
  chain (n, previous_hash, hash) AS (
    SELECT 0, NULL::bytea, hash FROM allowed
    UNION ALL
    SELECT c.n + 1, c.hash,
           sha256(c.hash || decode(($9::text[])[c.n + 1], 'hex') || int8send(a.revision + c.n + 1))
      FROM chain c, allowed a
     WHERE c.n < cardinality($4::uuid[])
  ),
  inserted AS (
    INSERT INTO fairtender_events
      (event_id, stream_name, revision, type, version, data, metadata, previous_hash, hash)
    SELECT ($4::uuid[])[c.n], $1::text, a.revision + c.n, ($5::text[])[c.n], ($6::integer[])[c.n],
           $7::jsonb -> (c.n - 1), $8::jsonb -> (c.n - 1), c.previous_hash, c.hash
      FROM chain c, allowed a
     WHERE c.n > 0
    RETURNING position, transaction_id
  )
SELECT CASE WHEN EXISTS (SELECT 1 FROM allowed) THEN 'ok' ELSE 'wrong_expected_version' END AS status,
       (SELECT revision FROM head) AS actual_revision,
       (SELECT revision FROM head) + cardinality($4::uuid[]) AS next_revision,
       (SELECT max(transaction_id)::text FROM inserted) AS commit_position,
       (SELECT max(position)::text FROM inserted) AS prepare_position
`;

/**
 * One event, the bid path's append: the same head read, expectation and chain step as APPEND_SQL
 * without the recursive CTE and the JSON arrays. PostgreSQL runs it 15–25 % faster than APPEND_SQL
 * for one event with 16 clients (pgbench, issue 19; docs/benchmarks.md). Parameters as APPEND_SQL's,
 * one value each instead of arrays: $4 event id, $5 type, $6 version, $7 data, $8 metadata, $9 hash.
 */
export const APPEND_ONE_SQL = /* sql */ `
WITH
${HEAD}
  inserted AS (
    INSERT INTO fairtender_events
      (event_id, stream_name, revision, type, version, data, metadata, previous_hash, hash)
    SELECT $4::uuid, $1::text, revision + 1, $5::text, $6::integer, $7::jsonb, $8::jsonb, hash,
           sha256(hash || decode($9::text, 'hex') || int8send(revision + 1))
      FROM head
     WHERE ${EXPECTATION_HOLDS}
    RETURNING position, transaction_id
  )
SELECT CASE WHEN EXISTS (SELECT 1 FROM inserted) THEN 'ok' ELSE 'wrong_expected_version' END AS status,
       (SELECT revision FROM head) AS actual_revision,
       (SELECT revision FROM head) + 1 AS next_revision,
       (SELECT transaction_id::text FROM inserted) AS commit_position,
       (SELECT position::text FROM inserted) AS prepare_position
`;

/**
 * The same statement as a SQL function, for connections without server-side prepared statements
 * (PGlite): PostgreSQL 18 caches a SQL function's plans, so it is planned once, not at every append.
 */
export const APPEND_FUNCTION_SQL = /* sql */ `
CREATE FUNCTION fairtender_append(
  text, text, bigint, uuid[], text[], integer[], jsonb, jsonb, text[]
) RETURNS TABLE (status text, actual_revision bigint, next_revision bigint, commit_position text, prepare_position text)
LANGUAGE sql VOLATILE AS $fn$${APPEND_SQL}$fn$;
`;

export const APPEND_CALL_SQL =
  'SELECT * FROM fairtender_append($1, $2, $3, $4::uuid[], $5::text[], $6::integer[], $7::jsonb, $8::jsonb, $9::text[])';

/** What earlier writes of these ids mean for a retry: see fairtender_replayed_append (migrations.ts). */
export const REPLAYED_SQL =
  'SELECT * FROM fairtender_replayed_append($1, $2, $3, $4::uuid[], $5::text[])';
