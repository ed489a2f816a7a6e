import { randomUUID } from 'node:crypto';
import {
  createEmbeddedEventStore,
  derivedEventId,
  handleCommand,
  type EventStore,
  type RecordedEvent,
} from '@fairtender/event-store';

type Counted = { type: 'Counted'; data: { by: number } };

function count(
  store: EventStore,
  streamName: string,
  by: number,
  commandId: string = randomUUID(),
  optimisticNewStream = false,
) {
  return handleCommand<number, Counted>(store, {
    streamName,
    decider: {
      initialState: () => 0,
      evolve: (total, event) => total + event.data.by,
      decide: (total) => (total + by > 100 ? [] : [{ type: 'Counted', data: { by } }]),
    },
    fromRecorded: (recorded: RecordedEvent) => recorded as unknown as Counted,
    versionOf: () => 1,
    commandId,
    metadata: { actor: { userId: 'u1' } },
    optimisticNewStream,
  });
}

describe('handleCommand: read, fold, decide, append with the expected revision', () => {
  let store: EventStore;
  beforeAll(async () => {
    store = await createEmbeddedEventStore({ dataDir: 'memory://' });
  });
  afterAll(() => store.close());

  it('folds the stream, appends what the decision returns and stamps ids, versions and metadata', async () => {
    const stream = `counter-${randomUUID()}`;
    await count(store, stream, 2);
    const outcome = await count(store, stream, 3, 'command-2');
    expect(outcome.state).toBe(5);
    expect(outcome.appended?.nextRevision).toBe(1);
    const [, second] = await store.readStream(stream);
    expect(second).toMatchObject({
      eventId: derivedEventId('command-2', 0),
      version: 1,
      metadata: { actor: { userId: 'u1' } },
    });
  });

  it('retries when another writer got there first, so concurrent commands all land', async () => {
    const stream = `counter-${randomUUID()}`;
    await Promise.all(Array.from({ length: 5 }, () => count(store, stream, 1)));
    const events = await store.readStream(stream);
    expect(events).toHaveLength(5);
    expect(events.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
  });

  it('appends nothing when the decision is empty', async () => {
    const stream = `counter-${randomUUID()}`;
    const outcome = await count(store, stream, 101);
    expect(outcome).toMatchObject({ events: [], state: 0 });
    expect(outcome.appended).toBeUndefined();
    expect(await store.readStream(stream)).toEqual([]);
  });

  it('derives stable, distinct UUIDs from a command id and an index', () => {
    expect(derivedEventId('c', 0)).toBe(derivedEventId('c', 0));
    expect(derivedEventId('c', 0)).not.toBe(derivedEventId('c', 1));
    expect(derivedEventId('c', 0)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('optimistically appends to a new stream without reading it', async () => {
    const stream = `counter-${randomUUID()}`;
    const outcome = await count(store, stream, 4, randomUUID(), true);
    expect(outcome).toMatchObject({ state: 4, history: [] });
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('falls back to reading when the optimistic stream already exists, and decides on what is there', async () => {
    const stream = `counter-${randomUUID()}`;
    await count(store, stream, 60);
    const refused = await count(store, stream, 50, randomUUID(), true);
    expect(refused.events).toEqual([]);
    const accepted = await count(store, stream, 30, randomUUID(), true);
    expect(accepted.state).toBe(90);
    expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1]);
  });
});
