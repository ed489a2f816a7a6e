import type { EventStore, Position, RecordedEvent, SubscribeOptions } from '../port';
import { CheckpointedConsumer, type ConsumerHandler } from './checkpointed-consumer';

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
function fakeStore(count: number, subscriptions: (Position | undefined)[] = []): EventStore {
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

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

const commits = (batch: readonly RecordedEvent[]) => batch.map((e) => Number(e.position.commit));

describe('the checkpointed consumer', () => {
  it('reads after the stored checkpoint, in order and in batches, and resumes there when restarted', async () => {
    const subscriptions: (Position | undefined)[] = [];
    const batches: number[][] = [];
    let stored: Position | undefined = { commit: 2n, prepare: 0n };
    const handler: ConsumerHandler = {
      resumeAfter: async () => stored,
      handle: async (batch) => {
        batches.push(commits(batch));
        stored = batch.at(-1)!.position;
      },
    };
    const consumer = new CheckpointedConsumer({
      store: fakeStore(9, subscriptions),
      handler,
      batchSize: 4,
      bufferSize: 100,
    });
    await consumer.start();
    await until(() => batches.flat().length === 7);
    await consumer.stop();
    expect(batches.flat()).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(batches.every((b) => b.length <= 4)).toBe(true);
    expect(consumer.status()).toMatchObject({
      state: 'stopped',
      position: { commit: 9n, prepare: 0n },
      eventsHandled: 7,
      pendingEvents: 0,
    });
    await consumer.start();
    await consumer.stop();
    expect(subscriptions).toEqual([
      { commit: 2n, prepare: 0n },
      { commit: 9n, prepare: 0n },
    ]);
  });

  it('without a retry policy, stops at the first failure with the position before the failed batch', async () => {
    const subscriptions: (Position | undefined)[] = [];
    const stopped: (Error | undefined)[] = [];
    const consumer = new CheckpointedConsumer({
      store: fakeStore(6, subscriptions),
      handler: {
        resumeAfter: async () => undefined,
        handle: async (batch) => {
          if (batch.some((e) => e.position.commit === 4n)) throw new Error('constraint violated');
        },
      },
      batchSize: 3,
      bufferSize: 100,
      onStopped: (error) => stopped.push(error),
    });
    await consumer.start();
    await consumer.whenStopped();
    const status = consumer.status();
    expect(status.state).toBe('failed');
    expect(status.error?.message).toBe('constraint violated');
    expect(status.position).toEqual({ commit: 3n, prepare: 0n });
    expect(subscriptions).toHaveLength(1);
    expect(stopped.map((e) => e?.message)).toEqual(['constraint violated']);
  });

  it('with a retry policy, retries a failed start and a failed batch from the last batch handled', async () => {
    const subscriptions: (Position | undefined)[] = [];
    const handled: number[] = [];
    const retries: number[] = [];
    let startFailures = 1;
    let batchFailures = 1;
    const consumer = new CheckpointedConsumer({
      store: fakeStore(6, subscriptions),
      handler: {
        resumeAfter: async () => {
          if (startFailures-- > 0) throw new Error('database away');
          return undefined;
        },
        handle: async (batch) => {
          if (batch.some((e) => e.position.commit === 4n) && batchFailures-- > 0) {
            throw new Error('Redis away');
          }
          handled.push(...commits(batch));
        },
      },
      batchSize: 3,
      bufferSize: 100,
      retry: { delayMs: 1, maxDelayMs: 2 },
      onRetrying: (_error, failures) => retries.push(failures),
    });
    await consumer.start();
    await until(() => handled.length === 6);
    await consumer.stop();
    expect(handled).toEqual([1, 2, 3, 4, 5, 6]);
    expect(subscriptions).toEqual([undefined, { commit: 3n, prepare: 0n }]);
    expect(retries).toEqual([1, 1]);
    expect(consumer.status()).toMatchObject({ state: 'stopped', failures: 0 });
  });

  it.each([
    ['when it falls due with the log quiet', 20, 1],
    ['when the consumer stops, before it is due', 60_000, 0],
  ])('flushes a lazily written checkpoint %s', async (_case, dueInMs, flushedBeforeStop) => {
    let flushes = 0;
    let dirty = false;
    const consumer = new CheckpointedConsumer({
      store: fakeStore(2),
      handler: {
        resumeAfter: async () => undefined,
        handle: async () => void (dirty = true),
        flushDueInMs: () => (dirty ? dueInMs : undefined),
        flush: async () => {
          if (dirty) flushes += 1;
          dirty = false;
        },
      },
      batchSize: 10,
      bufferSize: 100,
    });
    await consumer.start();
    await until(() => consumer.status().eventsHandled === 2);
    if (flushedBeforeStop) await until(() => flushes === flushedBeforeStop);
    expect(flushes).toBe(flushedBeforeStop);
    await consumer.stop();
    expect(flushes).toBe(1);
  });
});
