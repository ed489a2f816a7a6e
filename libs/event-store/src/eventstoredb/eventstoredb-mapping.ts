import {
  jsonEvent,
  type AllStreamResolvedEvent,
  type EventData,
  type JSONType,
  type MetadataType,
  type RecordedEvent as EsdbRecordedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, Position, RecordedEvent } from '../port';
import type { PreparedEvent } from '../validation';

/** Metadata key holding what the store adds to each event; everything else is the caller's. */
export const STORE_METADATA_KEY = '$fairtender';

interface StoreMetadata {
  version: number;
  hash: string;
  previousHash: string;
  /** The caller's own value under STORE_METADATA_KEY, kept so it reads back as given. */
  shadowed?: unknown;
}

export interface ChainedEvent extends PreparedEvent {
  /** Hex SHA-256. */
  hash: string;
  previousHash: string;
}

export function toEventData(event: ChainedEvent): EventData {
  const metadata = JSON.parse(event.metadata) as EventMetadata;
  const own: StoreMetadata = {
    version: event.version,
    hash: event.hash,
    previousHash: event.previousHash,
  };
  if (Object.hasOwn(metadata, STORE_METADATA_KEY)) own.shadowed = metadata[STORE_METADATA_KEY];
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    // The client JSON.stringifies what it is given (null, numbers and booleans included), so it
    // gets the value back rather than the canonical text.
    data: JSON.parse(event.data) as JSONType,
    metadata: { ...metadata, [STORE_METADATA_KEY]: own },
  });
}

/**
 * Maps an event this store wrote. Anything else in the log (system and projection events, links,
 * events written by other applications) maps to undefined.
 */
export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent | undefined {
  if (!event.isJson || event.streamId.startsWith('$') || event.type.startsWith('$'))
    return undefined;
  const split = splitMetadata(event.metadata);
  if (!split) return undefined;
  return {
    eventId: event.id.toLowerCase(),
    type: event.type,
    version: split.own.version,
    streamName: event.streamId,
    revision: Number(event.revision),
    position: requirePosition(event),
    data: event.data,
    metadata: split.caller,
    recordedAt: event.created,
    previousHash: split.own.previousHash,
    hash: split.own.hash,
  };
}

/** An event of a stream this store owns: anything else there would break its hash chain. */
export function ownEvent(streamName: string, resolved: ResolvedEvent): RecordedEvent {
  const event = resolved.event && toRecordedEvent(resolved.event);
  if (!event) {
    throw new Error(
      `Stream "${streamName}" holds an event this store did not write (no hash chain metadata)`,
    );
  }
  return event;
}

/** Events of $all this store wrote, under the prefix if any; link events are never resolved. */
export function fromAll(
  resolved: AllStreamResolvedEvent,
  prefix?: string,
): RecordedEvent | undefined {
  if (!resolved.event || resolved.link) return undefined;
  const event = toRecordedEvent(resolved.event);
  if (!event || (prefix !== undefined && !event.streamName.startsWith(prefix))) return undefined;
  return event;
}

export function requirePosition(event: EsdbRecordedEvent): Position {
  if (!event.position) {
    throw new Error(
      `EventStoreDB returned event ${event.id} of "${event.streamId}" without a log position; ` +
        'stream reads carry positions only from EventStoreDB 22.6 on',
    );
  }
  return { commit: event.position.commit, prepare: event.position.prepare };
}

function splitMetadata(
  metadata: MetadataType | undefined,
): { own: StoreMetadata; caller: EventMetadata } | undefined {
  if (!isObject(metadata)) return undefined;
  const { [STORE_METADATA_KEY]: own, ...caller } = metadata;
  if (!isStoreMetadata(own)) return undefined;
  if (Object.hasOwn(own, 'shadowed')) caller[STORE_METADATA_KEY] = own.shadowed;
  return { own, caller };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  );
}

function isStoreMetadata(value: unknown): value is StoreMetadata {
  return (
    isObject(value) &&
    typeof value.version === 'number' &&
    typeof value.hash === 'string' &&
    typeof value.previousHash === 'string'
  );
}
