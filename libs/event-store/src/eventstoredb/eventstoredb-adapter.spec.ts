import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { chainHash, contentHash, GENESIS_HASH } from '@fairtender/crypto';
import { EventIdConflictError } from '../errors';
import { prepareEvents } from '../validation';
import { chainEvents, earlierAppend, type StreamState } from './eventstoredb-append';
import { toEventData, toRecordedEvent } from './eventstoredb-mapping';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { EventStoreDbSubscription } from './eventstoredb-subscription';

// What the server hands back for written EventData (the client JSON-encodes data and metadata).
function stored(
  streamId: string,
  revision: number,
  batchIndex: number,
  data: unknown,
  metadata = {},
) {
  const [prepared] = prepareEvents(streamId, [
    { eventId: randomUUID(), type: 'ThingHappened', version: 2, data, metadata },
  ]);
  const state: StreamState = { revision: revision - 1, headHash: GENESIS_HASH, found: new Map() };
  const [chained] = chainEvents([prepared], state);
  const written = toEventData(chained);
  const position = { commit: 100n, prepare: 100n + BigInt(batchIndex) };
  return {
    streamId,
    id: written.id,
    revision: BigInt(revision),
    type: written.type,
    data: JSON.parse(JSON.stringify(written.data)),
    metadata: JSON.parse(JSON.stringify(written.metadata)),
    isJson: true,
    created: new Date(),
    position,
  } as EsdbRecordedEvent & { position: typeof position };
}

describe('EventStoreDB mapping', () => {
  it.each([[{ a: [1, 'x'] }], [null], [42], ['text'], [false]])('round-trips data %j', (data) => {
    const event = toRecordedEvent(stored('tender-1', 0, 0, data, { correlationId: 'c-1' }));
    expect(event).toMatchObject({ data, metadata: { correlationId: 'c-1' }, version: 2 });
    expect(event!.previousHash).toBe(GENESIS_HASH.toString('hex'));
    expect(event!.hash).toBe(
      chainHash(GENESIS_HASH, contentHash({ ...event! }), 0).toString('hex'),
    );
  });

  it("gives back the caller's own $fairtender metadata key unchanged", () => {
    const metadata = { $fairtender: { mine: true }, note: 'n' };
    expect(toRecordedEvent(stored('tender-1', 0, 0, {}, metadata))?.metadata).toEqual(metadata);
  });

  it('ignores system, link and foreign events', () => {
    const ours = stored('tender-1', 0, 0, {});
    expect(toRecordedEvent({ ...ours, streamId: '$ce-tender' })).toBeUndefined();
    expect(toRecordedEvent({ ...ours, type: '$>' })).toBeUndefined();
    expect(toRecordedEvent({ ...ours, metadata: { correlationId: 'c' } })).toBeUndefined();
  });
});

describe('EventStoreDB idempotency check', () => {
  const batch = prepareEvents('s', [
    { eventId: randomUUID(), type: 'A', version: 1, data: {} },
    { eventId: randomUUID(), type: 'A', version: 1, data: {} },
  ]);
  const found = (revisions: number[], sameContent: boolean): StreamState => ({
    revision: 9,
    headHash: GENESIS_HASH,
    found: new Map(
      revisions.map((revision, i) => [
        batch[i].eventId,
        {
          revision,
          position: { commit: BigInt(revision), prepare: BigInt(revision) },
          sameContent,
        },
      ]),
    ),
  });
  const at = (...revisions: number[]) => found(revisions, true);

  it('returns the original result for the same batch under a compatible expectation', () => {
    expect(earlierAppend('s', batch, 3, at(4, 5))).toEqual({
      nextRevision: 5,
      position: { commit: 5n, prepare: 5n },
    });
    expect(earlierAppend('s', batch, 'any', at(4, 5))?.nextRevision).toBe(5);
    expect(earlierAppend('s', batch, 'no_stream', at(0, 1))?.nextRevision).toBe(1);
    expect(earlierAppend('s', batch, 'any', at())).toBeUndefined();
  });

  it('refuses partial, reordered or incompatible reuse of ids', () => {
    expect(() => earlierAppend('s', batch, 'any', at(4))).toThrow(EventIdConflictError);
    expect(() => earlierAppend('s', batch, 'any', at(5, 4))).toThrow(EventIdConflictError);
    expect(() => earlierAppend('s', batch, 2, at(4, 5))).toThrow(EventIdConflictError);
    expect(() => earlierAppend('s', batch, 'no_stream', at(4, 5))).toThrow(EventIdConflictError);
  });

  it('refuses the same ids carrying different content', () => {
    expect(() => earlierAppend('s', batch, 3, found([4, 5], false))).toThrow(EventIdConflictError);
  });
});

describe('EventStoreDB subscription', () => {
  function fakeSource() {
    const source = new PassThrough({ objectMode: true });
    const unsubscribe = jest.fn(async () => undefined);
    return Object.assign(source, { unsubscribe }) as unknown as AllStreamSubscription & {
      unsubscribe: typeof unsubscribe;
      write(chunk: AllStreamResolvedEvent): boolean;
    };
  }
  const subscribe = (source: ReturnType<typeof fakeSource>, signal?: AbortSignal) =>
    new EventStoreDbSubscription({
      open: () => source,
      map: (resolved) => (resolved.event ? toRecordedEvent(resolved.event) : undefined),
      after: { commit: 100n, prepare: 100n },
      signal,
    });

  it('skips events at or before `after`, and unsubscribes when the loop breaks', async () => {
    const source = fakeSource();
    [0, 1, 2].forEach((i) => source.write({ event: stored('s', i, i, { i }) }));
    const seen: unknown[] = [];
    for await (const event of subscribe(source)) {
      seen.push(event.data);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([{ i: 1 }, { i: 2 }]);
    expect(source.unsubscribe).toHaveBeenCalled();
  });

  it('ends an iteration waiting for live events when aborted or closed', async () => {
    const controller = new AbortController();
    const aborted = fakeSource();
    const waiting = (async () => {
      for await (const _ of subscribe(aborted, controller.signal)) throw new Error('no events');
    })();
    setTimeout(() => controller.abort(), 10);
    await waiting;
    expect(aborted.unsubscribe).toHaveBeenCalled();

    const closed = fakeSource();
    const subscription = subscribe(closed);
    const iterating = (async () => {
      for await (const _ of subscription) throw new Error('no events');
    })();
    setTimeout(() => void subscription.close(), 10);
    await iterating;
    expect(closed.unsubscribe).toHaveBeenCalled();
  });

  it('surfaces a dropped subscription as an error', async () => {
    const source = fakeSource();
    const iterating = (async () => {
      for await (const _ of subscribe(source)) throw new Error('no events');
    })();
    source.emit('error', new Error('server went away'));
    await expect(iterating).rejects.toThrow('server went away');
  });
});

describe('EventStoreDB reads that leave parts out (omit)', () => {
  /** A client whose reads stream back these events, as the server would. */
  function fakeClient(recorded: EsdbRecordedEvent[]) {
    const read = () => {
      const stream = new PassThrough({ objectMode: true });
      recorded.forEach((event) => stream.write({ event }));
      stream.end();
      return Object.assign(stream, { cancel: async () => undefined });
    };
    const subscription = new PassThrough({ objectMode: true });
    recorded.forEach((event) => subscription.write({ event }));
    return {
      readAll: read,
      readStream: read,
      subscribeToAll: () => Object.assign(subscription, { unsubscribe: async () => undefined }),
      dispose: async () => undefined,
    };
  }
  const sealedBid = { supplierId: 's-1', sealed: { ciphertext: 'c'.repeat(100) } };
  const recorded = [
    stored('tender-1.bid-s-1', 0, 0, sealedBid, { correlationId: 'c-1' }),
    stored('tender-1.bid-s-1', 1, 1, ['sealed'], { correlationId: 'c-2' }),
  ];
  const store = () => new EventStoreDbEventStore(fakeClient(recorded) as never);
  const whole = recorded.map((event) => toRecordedEvent(event)!);
  const omit = { data: ['sealed'], metadata: true };
  const expected = [
    { ...whole[0], data: { supplierId: 's-1' }, metadata: {} },
    { ...whole[1], metadata: {} },
  ];

  it('drops the fields and metadata client-side, in readStream, readAll and subscriptions', async () => {
    expect(await store().readStream('tender-1.bid-s-1', { omit })).toEqual(expected);
    expect(await store().readAll({ streamPrefix: 'tender-1', omit })).toEqual(expected);
    const seen: unknown[] = [];
    for await (const event of store().subscribeToAll({ omit })) {
      seen.push(event);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(expected);
    expect(await store().readAll({ streamPrefix: 'tender-1' })).toEqual(whole);
    expect(whole[0].data).toEqual(sealedBid);
  });
});
