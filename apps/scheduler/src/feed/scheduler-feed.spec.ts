import type {
  EventStore,
  Position,
  RecordedEvent,
  SqlClient,
  SubscribeOptions,
} from '@fairtender/event-store';
import { SchedulerFeed } from './scheduler-feed';

function event(n: number): RecordedEvent {
  return {
    eventId: `e${n}`,
    type: 'TenderPublished',
    version: 1,
    streamName: `tender-t${n}`,
    revision: 0,
    position: { commit: BigInt(n), prepare: 0n },
    data: {},
    metadata: {},
    recordedAt: new Date(),
    previousHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
}

/** A log of `count` events; each subscription replays it from `after`, then waits (live). */
function fakeStore(count: number, subscriptions: (Position | undefined)[]): EventStore {
  const log = Array.from({ length: count }, (_, i) => event(i + 1));
  return {
    subscribeToAll: ({ after, signal }: SubscribeOptions = {}) => {
      subscriptions.push(after);
      return {
        close: async () => undefined,
        async *[Symbol.asyncIterator]() {
          for (const e of log) if (!after || e.position.commit > after.commit) yield e;
          await new Promise((resolve) => signal?.addEventListener('abort', resolve));
        },
      };
    },
  } as unknown as EventStore;
}

/** Records checkpoint writes; starts with no checkpoint. */
function fakeClient(writes: bigint[]): SqlClient {
  return {
    query: async (text: string, params?: unknown[]) => {
      if (text.includes('INSERT INTO scheduler_checkpoints'))
        writes.push(BigInt(params![1] as string));
      return [];
    },
  } as unknown as SqlClient;
}

const quiet = { log: () => undefined, warn: () => undefined };

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

describe('the scheduler feed', () => {
  it('hands every event over once, in order, in batches, and checkpoints the last', async () => {
    const handled: number[] = [];
    const writes: bigint[] = [];
    const feed = new SchedulerFeed({
      store: fakeStore(12, []),
      client: fakeClient(writes),
      handle: async (batch) => void handled.push(...batch.map((e) => Number(e.position.commit))),
      logger: quiet,
      batchSize: 5,
    });
    feed.start();
    await until(() => handled.length === 12);
    await feed.stop();
    expect(handled).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(writes.at(-1)).toBe(12n);
    expect(feed.status()).toMatchObject({
      state: 'stopped',
      checkpoint: '12-0',
      eventsHandled: 12,
    });
  });

  it('retries a failed batch with backoff, re-reading from what it had handled', async () => {
    const subscriptions: (Position | undefined)[] = [];
    const handled: number[] = [];
    let failuresLeft = 2;
    const feed = new SchedulerFeed({
      store: fakeStore(6, subscriptions),
      client: fakeClient([]),
      handle: async (batch) => {
        if (batch.some((e) => e.position.commit === 4n) && failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('Redis away');
        }
        handled.push(...batch.map((e) => Number(e.position.commit)));
      },
      logger: quiet,
      batchSize: 3,
      retryDelayMs: 5,
    });
    feed.start();
    await until(() => feed.status().failures === 1);
    expect(feed.status()).toMatchObject({ state: 'retrying', lastError: 'Redis away' });
    await until(() => handled.length === 6);
    await feed.stop();
    expect(handled).toEqual([1, 2, 3, 4, 5, 6]);
    // The first subscription from the start; the retries from the last batch handled.
    expect(subscriptions[0]).toBeUndefined();
    expect(subscriptions.slice(1)).toEqual([
      { commit: 3n, prepare: 0n },
      { commit: 3n, prepare: 0n },
    ]);
    expect(feed.status()).toMatchObject({ failures: 0, checkpoint: '6-0' });
  });

  it('finishes the batch in hand when stopped, writes its checkpoint, and takes no other', async () => {
    const writes: bigint[] = [];
    const batches: bigint[][] = [];
    let release!: () => void;
    const feed = new SchedulerFeed({
      store: fakeStore(3, []),
      client: fakeClient(writes),
      handle: (batch) => {
        batches.push(batch.map((e) => e.position.commit));
        return new Promise<void>((resolve) => (release = resolve));
      },
      logger: quiet,
    });
    feed.start();
    await until(() => release !== undefined);
    const stopping = feed.stop();
    release();
    await stopping;
    expect(batches).toHaveLength(1);
    expect(writes).toEqual([batches[0].at(-1)]);
  });
});
