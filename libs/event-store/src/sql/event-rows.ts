import type { EventOmissions, RecordedEvent } from '../port';

/** How a stored event is selected and turned back into the port's `RecordedEvent`. */
export interface EventRow {
  event_id: string;
  type: string;
  version: number;
  stream_name: string;
  revision: string;
  commit_position: string;
  prepare_position: string;
  data: unknown;
  /** Absent when the read leaves metadata out. */
  metadata?: RecordedEvent['metadata'];
  /** Milliseconds since the epoch: a number parses in a fraction of the time a timestamp's text does. */
  recorded_at_ms: number;
  previous_hash: string;
  hash: string;
}

export const EVENT_COLUMNS = eventColumns('fairtender_events');

/**
 * The select list of a read of `table` (a name or an alias). What `omit` leaves out is never read:
 * the data fields are removed by PostgreSQL (`data - $n`, objects only), so neither their bytes nor
 * their parsing reach Node; `dataFieldsParam` is the placeholder of their names, a `text[]`.
 */
export function eventColumns(
  table: string,
  omit?: EventOmissions,
  dataFieldsParam?: string,
): string {
  const t = table;
  const data =
    omit?.data?.length && dataFieldsParam
      ? `CASE WHEN jsonb_typeof(${t}.data) = 'object' THEN ${t}.data - ${dataFieldsParam}::text[]
          ELSE ${t}.data END AS data`
      : `${t}.data`;
  return `${t}.event_id::text, ${t}.type, ${t}.version, ${t}.stream_name, ${t}.revision::text,
  ${t}.transaction_id::text AS commit_position, ${t}.position::text AS prepare_position, ${data},
  ${omit?.metadata ? '' : `${t}.metadata, `}(extract(epoch from ${t}.recorded_at) * 1000)::float8 AS recorded_at_ms,
  encode(${t}.previous_hash, 'hex') AS previous_hash, encode(${t}.hash, 'hex') AS hash`;
}

/** A name for the prepared statement of a read that leaves `omit` out: one per select list. */
export function statementName(base: string, omit?: EventOmissions): string {
  return `${base}${omit?.data?.length ? '_omit_data' : ''}${omit?.metadata ? '_omit_metadata' : ''}`;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    version: row.version,
    streamName: row.stream_name,
    revision: Number(row.revision),
    position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
    data: row.data,
    metadata: row.metadata ?? {},
    // Whole milliseconds, as `pg` would have parsed the timestamp: a Date has no finer unit.
    recordedAt: new Date(Math.trunc(row.recorded_at_ms)),
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}
