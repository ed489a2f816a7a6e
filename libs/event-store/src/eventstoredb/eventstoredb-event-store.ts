import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  streamNameFilter,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
} from '@eventstore/db-client';
import { WrongExpectedVersionError } from '../errors';
import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../port';
import { withOmissions } from '../omission';
import { comparePositions } from '../position';
import {
  assertReadAll,
  assertReadStream,
  assertStreamPrefix,
  assertSubscribe,
  prepareAppend,
} from '../validation';
import { earlierAppend, expectationMet, readStreamState, writeBatch } from './eventstoredb-append';
import { fromAll, ownEvent } from './eventstoredb-mapping';
import { collect, drain } from './eventstoredb-read';
import { EventStoreDbSubscription } from './eventstoredb-subscription';

/** Appends with a loose expectation ('any', 'stream_exists') re-read and retry when raced. */
const MAX_APPEND_ATTEMPTS = 20;
const PING_TIMEOUT_MS = 5_000;

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false` */
  connectionString: string;
}

export async function createEventStoreDbEventStore(
  options: EventStoreDbEventStoreOptions,
): Promise<EventStore> {
  return new EventStoreDbEventStore(EventStoreDBClient.connectionString(options.connectionString));
}

/**
 * EventStoreDB adapter (22.6 or later: older servers return no positions on stream reads). The
 * server knows nothing of hash chains, so the store reads the stream head, chains the batch and
 * appends with that exact revision; a concurrent writer makes the server refuse the append.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<EventStoreDbSubscription>();

  constructor(private readonly client: EventStoreDBClient) {}

  async append(
    streamName: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const batch = prepareAppend(streamName, events, expectedRevision);
    for (let attempt = 1; ; attempt += 1) {
      const state = await readStreamState(this.client, streamName, batch);
      const earlier = earlierAppend(streamName, batch, expectedRevision, state);
      if (earlier) return earlier;
      if (!expectationMet(expectedRevision, state.revision)) {
        throw new WrongExpectedVersionError(streamName, expectedRevision, state.revision);
      }
      try {
        return await writeBatch(this.client, streamName, batch, state);
      } catch (error) {
        if (!(error instanceof EsdbWrongExpectedVersionError)) throw error;
        // Raced by another writer. The next read answers an exact expectation (or an identical
        // concurrent retry); a loose one is retried against the new head.
        if (attempt >= MAX_APPEND_ATTEMPTS) {
          const actual = error.actualVersion === NO_STREAM ? -1 : Number(error.actualVersion);
          throw new WrongExpectedVersionError(streamName, expectedRevision, actual);
        }
      }
    }
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertReadStream(streamName, options);
    const backwards = options.direction === 'backwards';
    const start = backwards ? END : START;
    const read = this.client.readStream(streamName, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision === undefined ? start : BigInt(options.fromRevision),
      maxCount: options.maxCount,
    });
    try {
      return (await collect(read)).map((resolved) =>
        withOmissions(ownEvent(streamName, resolved), options.omit),
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    assertReadAll(options);
    const { after, streamPrefix, maxCount = Infinity, omit } = options;
    // Client 6.x reads $all without a server-side filter, so the prefix is applied here, and what
    // `omit` leaves out is dropped here too. The read starts AT `after` (inclusive), hence the skip
    // of positions up to and including it.
    const read = this.client.readAll({ fromPosition: after ?? START, direction: FORWARDS });
    const events: RecordedEvent[] = [];
    for await (const resolved of drain(read)) {
      const event = fromAll(resolved, streamPrefix);
      if (!event || (after && comparePositions(event.position, after) <= 0)) continue;
      events.push(withOmissions(event, omit));
      if (events.length >= maxCount) break;
    }
    return events;
  }

  /** $all is in commit order, with no horizon to wait behind: the last event seen per stream is its head. */
  async readStreamHeads(streamPrefix: string): Promise<RecordedEvent[]> {
    assertStreamPrefix(streamPrefix);
    const heads = new Map<string, RecordedEvent>();
    for (const event of await this.readAll({ streamPrefix })) heads.set(event.streamName, event);
    return [...heads.values()].sort((a, b) =>
      a.streamName < b.streamName ? -1 : a.streamName > b.streamName ? 1 : 0,
    );
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    assertSubscribe(options);
    const { after, streamPrefix, signal, omit } = options;
    const filter =
      streamPrefix === undefined
        ? excludeSystemEvents()
        : streamNameFilter({ prefixes: [streamPrefix] });
    const subscription: EventStoreDbSubscription = new EventStoreDbSubscription({
      // A subscription's fromPosition is exclusive, unlike a read's.
      open: () => this.client.subscribeToAll({ fromPosition: after ?? START, filter }),
      map: (resolved) => {
        const event = fromAll(resolved, streamPrefix);
        return event && withOmissions(event, omit);
      },
      after,
      signal,
      onClosed: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async ping(): Promise<void> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`EventStoreDB did not answer within ${PING_TIMEOUT_MS} ms`)),
        PING_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([collect(read), timeout]);
    } finally {
      clearTimeout(timer);
      read.destroy();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }
}
