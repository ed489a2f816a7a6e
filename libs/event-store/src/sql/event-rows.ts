import type { RecordedEvent } from '../port';

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
  metadata: RecordedEvent['metadata'];
  recorded_at: Date;
  previous_hash: string;
  hash: string;
}

export const EVENT_COLUMNS = `event_id::text, type, version, stream_name, revision::text,
  transaction_id::text AS commit_position, position::text AS prepare_position, data, metadata,
  recorded_at, encode(previous_hash, 'hex') AS previous_hash, encode(hash, 'hex') AS hash`;

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    version: row.version,
    streamName: row.stream_name,
    revision: Number(row.revision),
    position: { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) },
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}
