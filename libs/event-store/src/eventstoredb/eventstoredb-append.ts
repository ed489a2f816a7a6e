import {
  BACKWARDS,
  END,
  MaxAppendSizeExceededError,
  NO_STREAM,
  StreamNotFoundError,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { chainHash, GENESIS_HASH } from '@fairtender/crypto';
import { EventIdConflictError, InvalidEventError } from '../errors';
import type { AppendResult, ExpectedRevision, Position } from '../port';
import type { PreparedEvent } from '../validation';
import { ownEvent, requirePosition, toEventData, type ChainedEvent } from './eventstoredb-mapping';
import { collect, drain } from './eventstoredb-read';

/** What an append needs to know about its stream, read just before writing. */
export interface StreamState {
  /** Revision of the last event; -1 when the stream does not exist. */
  revision: number;
  /** Hash of the last event (the genesis hash when the stream does not exist). */
  headHash: Buffer;
  /** Where ids of the batch being appended already occur in the stream. */
  found: Map<string, { revision: number; position: Position; sameContent: boolean }>;
}

/**
 * The stream's head, and where ids of the batch already occur in it. Unless every id turns up, the
 * whole stream is read (backwards): an id can only be proven absent by looking everywhere.
 */
export async function readStreamState(
  client: EventStoreDBClient,
  streamName: string,
  batch: readonly PreparedEvent[],
): Promise<StreamState> {
  const wanted = new Map(batch.map((event) => [event.eventId, event.contentHash]));
  const state: StreamState = { revision: -1, headHash: GENESIS_HASH, found: new Map() };
  const read = client.readStream(streamName, { direction: BACKWARDS, fromRevision: END });
  try {
    for await (const resolved of drain(read)) {
      if (state.revision < 0) {
        const head = ownEvent(streamName, resolved);
        state.revision = head.revision;
        state.headHash = Buffer.from(head.hash, 'hex');
      }
      const event = resolved.event;
      const id = event?.id.toLowerCase();
      if (event && id && wanted.has(id)) {
        // Same content iff re-deriving the stored link from the retried content gives the stored hash.
        const stored = ownEvent(streamName, resolved);
        const rederived = chainHash(
          Buffer.from(stored.previousHash, 'hex'),
          wanted.get(id)!,
          stored.revision,
        );
        state.found.set(id, {
          revision: Number(event.revision),
          position: requirePosition(event),
          sameContent: rederived.toString('hex') === stored.hash,
        });
        if (state.found.size === wanted.size) break;
      }
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return state;
}

/** Whether a stream currently at `revision` satisfies the caller's expectation. */
export function expectationMet(expected: ExpectedRevision, revision: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return revision === -1;
    case 'stream_exists':
      return revision >= 0;
    default:
      return revision === expected;
  }
}

/**
 * The same semantics as the SQL adapters: re-sending a batch that was already written (same ids and
 * content, in order, in this stream, after a revision the expectation allows) returns the first result; any
 * other reuse of the ids in this stream is a conflict.
 */
export function earlierAppend(
  streamName: string,
  batch: readonly PreparedEvent[],
  expected: ExpectedRevision,
  state: StreamState,
): AppendResult | undefined {
  if (state.found.size === 0) return undefined;
  const matches = batch.map((event) => state.found.get(event.eventId));
  const first = matches[0];
  const sameBatch =
    first !== undefined &&
    matches.every(
      (match, i) => match?.sameContent === true && match.revision === first.revision + i,
    );
  if (sameBatch && expectationMet(expected, first.revision - 1)) {
    const last = matches[matches.length - 1]!;
    return { nextRevision: last.revision, position: last.position };
  }
  throw new EventIdConflictError(
    'Event ids in this batch were already used by other events; a retry must resend the same batch with the same expected revision',
    { streamName },
  );
}

/** Numbers the batch after the stream's head and chains each event's hash to the one before. */
export function chainEvents(batch: readonly PreparedEvent[], state: StreamState): ChainedEvent[] {
  let previous = state.headHash;
  return batch.map((event, i) => {
    const hash = chainHash(previous, event.contentHash, state.revision + 1 + i);
    const chained = {
      ...event,
      hash: hash.toString('hex'),
      previousHash: previous.toString('hex'),
    };
    previous = hash;
    return chained;
  });
}

/**
 * Appends the chained batch expecting exactly the head that was read; a concurrent writer makes
 * EventStoreDB refuse it with its WrongExpectedVersionError, which the caller handles.
 */
export async function writeBatch(
  client: EventStoreDBClient,
  streamName: string,
  batch: readonly PreparedEvent[],
  state: StreamState,
): Promise<AppendResult> {
  const expectedRevision = state.revision < 0 ? NO_STREAM : BigInt(state.revision);
  const events = chainEvents(batch, state).map(toEventData);
  const result = await client
    .appendToStream(streamName, events, { expectedRevision })
    .catch((error) => {
      if (!(error instanceof MaxAppendSizeExceededError)) throw error;
      throw new InvalidEventError(
        `The batch is larger than this EventStoreDB server accepts in one append (MaxAppendSize ${error.maxAppendSize} bytes)`,
        { streamName, maxAppendSize: error.maxAppendSize },
      );
    });
  const nextRevision = state.revision + batch.length;
  if (result.nextExpectedRevision !== BigInt(nextRevision)) {
    throw new Error(
      `EventStoreDB wrote "${streamName}" up to revision ${result.nextExpectedRevision}, not ` +
        `${nextRevision}; the hash chain of this stream no longer verifies (was it deleted?)`,
    );
  }
  // AppendResult promises the last event's own log position, the one reads report; the append
  // reply's position is not documented to be that for a batch, so the event is read back.
  const [last] = await collect(
    client.readStream(streamName, { fromRevision: BigInt(nextRevision), maxCount: 1 }),
  );
  const position = last?.event ? requirePosition(last.event) : result.position;
  if (!position) throw new Error(`EventStoreDB returned no position for "${streamName}"`);
  return { nextRevision, position };
}
