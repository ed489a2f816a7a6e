import { chainHash, contentHash, GENESIS_HASH_HEX } from '@fairtender/crypto';
import {
  EventIdConflictError,
  InvalidEventError,
  InvalidRevisionError,
  InvalidStreamNameError,
  WrongExpectedVersionError,
} from '../errors';
import type { EventStore, EventToAppend, RecordedEvent } from '../port';
import { comparePositions } from '../position';
import { collect, event, events, uniquePrefix } from './contract-helpers';
import { describeOmissionContract } from './omission-contract';

/** A store to test. Streams are named under a fresh prefix per test, so the store need not be empty. */
export interface ContractSubject {
  store: EventStore;
  /** Closes the store and drops anything created for the test run. */
  cleanup(): Promise<void>;
}

export interface ContractOptions {
  /** When set, the whole suite is reported as skipped with this reason (never silently passed). */
  skipReason?: string;
  /**
   * Whether an event id is unique across all streams (true for the SQL adapters). EventStoreDB has no
   * global index of event ids, so it only refuses reuse within one stream.
   */
  globallyUniqueEventIds?: boolean;
}

/** The one suite every adapter must pass (docs/architecture.md#the-event-store). */
export function describeEventStoreContract(
  adapterName: string,
  open: () => Promise<ContractSubject>,
  options: ContractOptions = {},
): void {
  if (options.skipReason) {
    describe(`${adapterName} event store contract — ${options.skipReason}`, () => {
      // Reported as skipped, with the reason in the name, so a run without the server never passes silently.
      it.skip(`did not run: ${options.skipReason}`, () => undefined);
    });
    return;
  }

  describe(`${adapterName} event store contract`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    let prefix: string;

    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(async () => subject?.cleanup());
    beforeEach(() => {
      prefix = uniquePrefix();
    });

    describe('append and readStream', () => {
      it('numbers events from revision 0 and reads back exactly what was written', async () => {
        const stream = `${prefix}-tender`;
        const written = events(3, {
          metadata: { correlationId: 'corr-1', actor: { userId: 'u-1', role: 'officer' } },
        });
        const result = await store.append(stream, written, 'no_stream');
        expect(result.nextRevision).toBe(2);

        const read = await store.readStream(stream);
        expect(read.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(read.map((e) => e.eventId)).toEqual(written.map((e) => e.eventId));
        expect(read[1]).toMatchObject({
          type: 'ThingHappened',
          version: 1,
          streamName: stream,
          data: written[1].data,
        });
        expect(read[1].metadata).toEqual(written[1].metadata);
        expect(read[2].recordedAt).toBeInstanceOf(Date);
        expect(comparePositions(read[2].position, result.position)).toBe(0);
      });

      it('reads forwards from a revision, backwards from a revision or the end, and limits the count', async () => {
        const stream = `${prefix}-paged`;
        await store.append(stream, events(5), 'no_stream');
        expect(
          (await store.readStream(stream, { fromRevision: 2 })).map((e) => e.revision),
        ).toEqual([2, 3, 4]);
        expect((await store.readStream(stream, { maxCount: 2 })).map((e) => e.revision)).toEqual([
          0, 1,
        ]);
        expect(
          (await store.readStream(stream, { direction: 'backwards' })).map((e) => e.revision),
        ).toEqual([4, 3, 2, 1, 0]);
        expect(
          (
            await store.readStream(stream, { direction: 'backwards', fromRevision: 3, maxCount: 2 })
          ).map((e) => e.revision),
        ).toEqual([3, 2]);
        expect(await store.readStream(`${prefix}-absent`)).toEqual([]);
      });

      it('orders by revision as a number, not as text, in both directions (revision 10 after 9)', async () => {
        const stream = `${prefix}-long`;
        await store.append(stream, events(120), 'no_stream');
        const all = Array.from({ length: 120 }, (_, revision) => revision);
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual(all);
        expect(
          (await store.readStream(stream, { direction: 'backwards' })).map((e) => e.revision),
        ).toEqual([...all].reverse());
        expect(
          (await store.readStream(stream, { fromRevision: 8, maxCount: 4 })).map((e) => e.revision),
        ).toEqual([8, 9, 10, 11]);
      });
    });

    describe('optimistic concurrency', () => {
      it('checks each kind of expectation and names stream, expected and actual revision when it fails', async () => {
        const stream = `${prefix}-expect`;
        await expect(store.append(stream, [event()], 'stream_exists')).rejects.toMatchObject({
          code: 'WRONG_EXPECTED_VERSION',
          streamName: stream,
          expected: 'stream_exists',
          actual: -1,
        });
        await expect(store.append(stream, [event()], 3)).rejects.toMatchObject({
          expected: 3,
          actual: -1,
        });
        await store.append(stream, [event()], 'no_stream');
        await store.append(stream, [event()], 'stream_exists');
        await store.append(stream, [event()], 1);
        await store.append(stream, [event()], 'any');
        const failure = await store.append(stream, [event()], 1).catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(WrongExpectedVersionError);
        expect(failure).toMatchObject({ streamName: stream, expected: 1, actual: 3 });
        expect((failure as Error).message).toContain(stream);
        expect((failure as Error).message).toMatch(/expected revision 1 .*revision 3/);
        await expect(store.append(stream, [event()], 'no_stream')).rejects.toMatchObject({
          actual: 3,
        });
        expect(await store.readStream(stream)).toHaveLength(4);
      });

      it('lets exactly one of two writers with the same expected revision win', async () => {
        const stream = `${prefix}-race`;
        await store.append(stream, [event()], 'no_stream');
        for (let round = 0; round < 10; round += 1) {
          const outcomes = await Promise.allSettled([
            store.append(stream, [event({ data: { writer: 'a' } })], round),
            store.append(stream, [event({ data: { writer: 'b' } })], round),
          ]);
          const won = outcomes.filter((o) => o.status === 'fulfilled');
          const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(1);
          expect(lost[0].reason).toBeInstanceOf(WrongExpectedVersionError);
          expect(lost[0].reason).toMatchObject({
            streamName: stream,
            expected: round,
            actual: round + 1,
          });
        }
        expect(await store.readStream(stream)).toHaveLength(11);
      });
    });

    describe('idempotency on event ids', () => {
      it('returns the first result when the same batch is re-sent with the same expectation', async () => {
        const stream = `${prefix}-retry`;
        await store.append(stream, [event()], 'no_stream');
        const batch = events(3);
        const first = await store.append(stream, batch, 0);
        const again = await store.append(stream, batch, 0);
        expect(again.nextRevision).toBe(first.nextRevision);
        expect(comparePositions(again.position, first.position)).toBe(0);
        const viaAny = await store.append(stream, batch, 'any');
        expect(viaAny.nextRevision).toBe(first.nextRevision);
        expect(await store.readStream(stream)).toHaveLength(4);
      });

      it('refuses an event id reused for another event of the stream, writing nothing', async () => {
        const stream = `${prefix}-reuse`;
        const original = event();
        await store.append(stream, [original], 'no_stream');
        await expect(store.append(stream, [event(), { ...original }], 0)).rejects.toBeInstanceOf(
          EventIdConflictError,
        );
        await expect(
          store.append(stream, [{ ...original, data: { changed: true } }], 'any'),
        ).rejects.toMatchObject({
          code: 'EVENT_ID_CONFLICT',
        });
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      (options.globallyUniqueEventIds === false ? it.skip : it)(
        'refuses an event id reused in another stream (adapters with globally unique ids)',
        async () => {
          const original = event();
          await store.append(`${prefix}-one`, [original], 'no_stream');
          await expect(store.append(`${prefix}-other`, [original], 'any')).rejects.toMatchObject({
            code: 'EVENT_ID_CONFLICT',
          });
          expect(await store.readStream(`${prefix}-other`)).toEqual([]);
        },
      );
    });

    describe('global order and prefix filtering', () => {
      it('reads all events in append order with strictly increasing positions, paging after a position', async () => {
        const appended: string[] = [];
        for (let i = 0; i < 6; i += 1) {
          const batch = events(2);
          await store.append(`${prefix}-s${i % 3}`, batch, 'any');
          appended.push(...batch.map((e) => e.eventId));
        }
        const all = await store.readAll({ streamPrefix: prefix });
        expect(all.map((e) => e.eventId)).toEqual(appended);
        assertStrictlyIncreasing(all);

        const firstPage = await store.readAll({ streamPrefix: prefix, maxCount: 5 });
        const secondPage = await store.readAll({
          streamPrefix: prefix,
          after: firstPage[4].position,
          maxCount: 100,
        });
        expect([...firstPage, ...secondPage].map((e) => e.eventId)).toEqual(appended);
      });

      it('reads the head of every stream under a prefix, ordered by stream name', async () => {
        await store.append(`${prefix}-heads.b`, events(3), 'no_stream');
        await store.append(`${prefix}-heads.a`, events(12), 'no_stream');
        await store.append(`${prefix}-headsX`, events(1), 'no_stream');
        const heads = await store.readStreamHeads(`${prefix}-heads.`);
        expect(heads.map((e) => [e.streamName, e.revision])).toEqual([
          [`${prefix}-heads.a`, 11],
          [`${prefix}-heads.b`, 2],
        ]);
        const [last] = await store.readStream(`${prefix}-heads.a`, {
          direction: 'backwards',
          maxCount: 1,
        });
        expect(heads[0]).toEqual(last);
        expect(await store.readStreamHeads(`${prefix}-nothing.`)).toEqual([]);
      });

      it('filters by a literal stream-name prefix, treating % and _ as ordinary characters', async () => {
        await store.append(`${prefix}.tender-1`, [event()], 'any');
        await store.append(`${prefix}.tender-1.bid-a`, [event()], 'any');
        await store.append(`${prefix}.tender-2`, [event()], 'any');
        await store.append(`${prefix}%x`, [event()], 'any');
        await store.append(`${prefix}_y`, [event()], 'any');
        const tender1 = await store.readAll({ streamPrefix: `${prefix}.tender-1` });
        expect(tender1.map((e) => e.streamName)).toEqual([
          `${prefix}.tender-1`,
          `${prefix}.tender-1.bid-a`,
        ]);
        expect(
          (await store.readAll({ streamPrefix: `${prefix}%` })).map((e) => e.streamName),
        ).toEqual([`${prefix}%x`]);
        expect(
          (await store.readAll({ streamPrefix: `${prefix}_` })).map((e) => e.streamName),
        ).toEqual([`${prefix}_y`]);
      });
    });

    describeOmissionContract(() => ({ store, prefix }));

    describe('subscriptions', () => {
      it('catches up from a position, then goes live', async () => {
        const stream = `${prefix}-sub`;
        await store.append(stream, events(3), 'no_stream');
        const [, second] = await store.readStream(stream);
        const subscription = store.subscribeToAll({ after: second.position, streamPrefix: prefix });
        const received = collect(subscription, 3);
        await store.append(stream, events(2), 'any');
        expect((await received).map((e) => e.revision)).toEqual([2, 3, 4]);
      });

      it('delivers everything from 10 concurrent writers, once each, in global order', async () => {
        const writers = 10;
        const perWriter = 1000;
        const subscription = store.subscribeToAll({ streamPrefix: prefix });
        const received = collect(subscription, writers * perWriter);
        const written = new Set<string>();
        await Promise.all(
          Array.from({ length: writers }, async (_, writer) => {
            let left = perWriter;
            while (left > 0) {
              const size = Math.min(left, 1 + ((left * 7) % 10));
              const batch = events(size, { data: { writer } });
              await store.append(`${prefix}-writer-${writer}`, batch, 'any');
              batch.forEach((e) => written.add(e.eventId));
              left -= size;
            }
          }),
        );
        const delivered = await received;
        expect(delivered).toHaveLength(writers * perWriter);
        expect(new Set(delivered.map((e) => e.eventId))).toEqual(written);
        assertStrictlyIncreasing(delivered);
        const all = await readAllPages(store, prefix);
        expect(delivered.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
        for (let writer = 0; writer < writers; writer += 1) {
          const revisions = delivered
            .filter((e) => e.streamName === `${prefix}-writer-${writer}`)
            .map((e) => e.revision);
          expect(revisions).toEqual(Array.from({ length: perWriter }, (_, i) => i));
        }
      });

      it('ends cleanly when closed or aborted', async () => {
        const controller = new AbortController();
        const subscription = store.subscribeToAll({
          streamPrefix: prefix,
          signal: controller.signal,
        });
        const seen: RecordedEvent[] = [];
        const iterating = (async () => {
          for await (const e of subscription) seen.push(e);
        })();
        await store.append(`${prefix}-x`, [event()], 'any');
        while (seen.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
        controller.abort();
        await iterating;
        expect(seen).toHaveLength(1);
      });
    });

    describe('content', () => {
      it('stores a 1 MB event intact', async () => {
        const big = 'x'.repeat(1024 * 1024);
        const written = event({ data: { big, tail: 'end' } });
        await store.append(`${prefix}-big`, [written], 'no_stream');
        const [read] = await store.readStream(`${prefix}-big`);
        expect((read.data as { big: string }).big).toHaveLength(1024 * 1024);
        expect(read.data).toEqual(written.data);
      });

      it('keeps Unicode exact in stream names, data and metadata', async () => {
        const stream = `${prefix}-offre-été-入札-مناقصة-🚓`;
        const data = {
          title: 'Caméras piétons — 警察 📷',
          rtl: 'عطاء',
          combining: 'e\u0301',
          astral: '𝔘𝔫𝔦',
        };
        await store.append(
          stream,
          [event({ data, metadata: { note: 'naïve façade' } })],
          'no_stream',
        );
        const [read] = await store.readStream(stream);
        expect(read.streamName).toBe(stream);
        expect(read.data).toEqual(data);
        expect(read.metadata).toEqual({ note: 'naïve façade' });
        expect((await store.readAll({ streamPrefix: stream })).map((e) => e.eventId)).toEqual([
          read.eventId,
        ]);
      });

      it('chains every event of a stream to the previous one with SHA-256, single or batched', async () => {
        // A single event takes its own statement on PostgreSQL: both paths must chain alike.
        const stream = `${prefix}-chain`;
        await store.append(stream, events(1), 'no_stream');
        await store.append(stream, events(3), 'any');
        await store.append(stream, events(1), 3);
        await store.append(stream, events(2), 'stream_exists');
        const read = await store.readStream(stream);
        expect(read).toHaveLength(7);
        let previous = GENESIS_HASH_HEX;
        for (const e of read) {
          expect(e.previousHash).toBe(previous);
          const content = contentHash({ ...e });
          expect(e.hash).toBe(
            chainHash(Buffer.from(previous, 'hex'), content, e.revision).toString('hex'),
          );
          previous = e.hash;
        }
      });
    });

    describe('bad input is refused with a clear error and nothing is written', () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      const badData: Array<[string, unknown]> = [
        ['a function', { f: () => 1 }],
        ['a bigint', { n: 10n }],
        ['NaN', { n: NaN }],
        ['Infinity', [Infinity]],
        ['undefined', undefined],
        ['a nested undefined', { u: undefined }],
        ['a Date', { at: new Date() }],
        ['a Map', new Map()],
        ['a cycle', cyclic],
        ['a NUL character', { s: 'a\u0000b' }],
        ['a lone surrogate', { s: '\ud800' }],
      ];

      it.each(badData)('refuses data containing %s', async (_what, data) => {
        const stream = `${prefix}-bad`;
        await expect(store.append(stream, [event({ data })], 'any')).rejects.toBeInstanceOf(
          InvalidEventError,
        );
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('refuses empty, over-long and reserved stream names', async () => {
        for (const name of ['', 'x'.repeat(256), '$system', 'tab\there']) {
          await expect(store.append(name, [event()], 'any')).rejects.toBeInstanceOf(
            InvalidStreamNameError,
          );
        }
        await expect(store.readStream('')).rejects.toMatchObject({ code: 'INVALID_STREAM_NAME' });
        await expect(store.append('x'.repeat(256), [event()], 'any')).rejects.toThrow(
          /256 characters; the limit is 255/,
        );
      });

      it('refuses negative or fractional revisions and counts', async () => {
        const stream = `${prefix}-rev`;
        await expect(store.append(stream, [event()], -1)).rejects.toBeInstanceOf(
          InvalidRevisionError,
        );
        await expect(store.append(stream, [event()], 1.5)).rejects.toBeInstanceOf(
          InvalidRevisionError,
        );
        await expect(store.append(stream, [event()], 'latest' as never)).rejects.toBeInstanceOf(
          InvalidRevisionError,
        );
        await expect(store.readStream(stream, { fromRevision: -1 })).rejects.toThrow(
          /fromRevision must be a whole number ≥ 0/,
        );
        await expect(store.readAll({ maxCount: 0 })).rejects.toBeInstanceOf(InvalidRevisionError);
        expect(await store.readStream(stream)).toEqual([]);
      });

      it('refuses malformed events and batches', async () => {
        const stream = `${prefix}-malformed`;
        const cases: Array<[EventToAppend[], RegExp]> = [
          [[], /At least one event/],
          [[{ ...event(), eventId: 'not-a-uuid' }], /eventId must be a UUID/],
          [[{ ...event(), type: '' }], /type must be a name/],
          [[{ ...event(), type: 'Bid Submitted!' }], /type must be a name/],
          [[{ ...event(), version: 0 }], /version must be a whole number ≥ 1/],
          [[{ ...event(), metadata: [] as never }], /metadata must be an object/],
          [
            (() => {
              const e = event();
              return [e, { ...event(), eventId: e.eventId }];
            })(),
            /repeats an earlier event/,
          ],
        ];
        for (const [batch, message] of cases) {
          await expect(store.append(stream, batch, 'any')).rejects.toThrow(message);
        }
        // A valid event in the same batch as an invalid one is not written either.
        await expect(
          store.append(stream, [event(), { ...event(), data: { n: NaN } }], 'any'),
        ).rejects.toThrow(/events\[1\]\.data\.n/);
        expect(await store.readStream(stream)).toEqual([]);
        expect(await store.readAll({ streamPrefix: prefix })).toEqual([]);
      });
    });
  });
}

function assertStrictlyIncreasing(list: RecordedEvent[]): void {
  for (let i = 1; i < list.length; i += 1) {
    if (comparePositions(list[i - 1].position, list[i].position) >= 0) {
      throw new Error(
        `positions not increasing at index ${i}: ${String(list[i - 1].position.prepare)} then ${String(list[i].position.prepare)}`,
      );
    }
  }
}

async function readAllPages(store: EventStore, streamPrefix: string): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ streamPrefix, after: all.at(-1)?.position, maxCount: 2000 });
    all.push(...page);
    if (page.length < 2000) return all;
  }
}
