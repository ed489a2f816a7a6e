import { InvalidReadOptionError } from '../errors';
import type { EventStore, RecordedEvent } from '../port';
import { collect, event } from './contract-helpers';

/** Data of every shape, and what a read that leaves out `sealed` must return for each. */
const SHAPES: Array<[data: unknown, withoutSealed: unknown]> = [
  [
    { keep: 'k', sealed: { ciphertext: 'c'.repeat(2000) }, nested: { sealed: 'stays' }, n: 1 },
    { keep: 'k', nested: { sealed: 'stays' }, n: 1 },
  ],
  [{ sealed: null }, {}],
  [{ other: 'no such field' }, { other: 'no such field' }],
  [
    ['sealed', 'x'],
    ['sealed', 'x'],
  ],
  ['sealed', 'sealed'],
  [null, null],
  [42, 42],
];

/**
 * The `omit` read option (part of the contract every adapter passes): the named fields and the
 * metadata are absent from what is read, and everything else is exactly what a whole read returns.
 */
export function describeOmissionContract(context: () => { store: EventStore; prefix: string }) {
  describe('leaving parts of events out (omit)', () => {
    /** Appends one event of each shape (after a marker in another stream); returns them read whole. */
    async function appendShapes(store: EventStore, prefix: string) {
      const { position: before } = await store.append(`${prefix}-marker`, [event()], 'no_stream');
      const stream = `${prefix}-shapes`;
      const written = SHAPES.map(([data]) =>
        event({ data, metadata: { correlationId: 'corr-1', actor: { userId: 'u-1' } } }),
      );
      await store.append(stream, written.slice(0, 3), 'no_stream');
      await store.append(stream, written.slice(3), 'any');
      return { stream, before, whole: await store.readStream(stream) };
    }

    const withoutSealed = (whole: RecordedEvent[]) =>
      whole.map((e, i) => ({ ...e, data: SHAPES[i][1] }));

    it('leaves the named top-level fields out of object data, in every kind of read, and nothing else', async () => {
      const { store, prefix } = context();
      const { stream, before, whole } = await appendShapes(store, prefix);
      const omit = { data: ['sealed'] };
      const expected = withoutSealed(whole);

      expect(await store.readStream(stream, { omit })).toEqual(expected);
      expect(
        await store.readStream(stream, { omit, direction: 'backwards', fromRevision: 5 }),
      ).toEqual(expected.slice(0, 6).reverse());
      expect(await store.readAll({ streamPrefix: stream, omit })).toEqual(expected);
      const page = await store.readAll({ streamPrefix: stream, omit, maxCount: 2 });
      const rest = await store.readAll({ streamPrefix: stream, omit, after: page[1].position });
      expect([...page, ...rest]).toEqual(expected);
      expect(await store.readAll({ after: before, maxCount: SHAPES.length, omit })).toEqual(
        expected,
      );
      const subscription = store.subscribeToAll({ streamPrefix: stream, omit });
      expect(await collect(subscription, SHAPES.length)).toEqual(expected);
      // The whole event is still there for a read that leaves nothing out.
      expect((await store.readStream(stream))[0].data).toEqual(SHAPES[0][0]);
    });

    it('leaves metadata out as {}, alone or with data fields, keeping ids, positions, times and hashes', async () => {
      const { store, prefix } = context();
      const { stream, whole } = await appendShapes(store, prefix);
      const noMetadata = whole.map((e) => ({ ...e, metadata: {} }));
      expect(await store.readStream(stream, { omit: { metadata: true } })).toEqual(noMetadata);
      expect(await store.readAll({ streamPrefix: stream, omit: { metadata: false } })).toEqual(
        whole,
      );
      const both = await store.readAll({
        streamPrefix: stream,
        omit: { data: ['sealed', 'n'], metadata: true },
      });
      expect(both[0]).toEqual({
        ...whole[0],
        data: { keep: 'k', nested: { sealed: 'stays' } },
        metadata: {},
      });
      expect(both.slice(1)).toEqual(
        withoutSealed(whole)
          .slice(1)
          .map((e) => ({ ...e, metadata: {} })),
      );
      expect(await store.readStream(stream, { omit: { data: [] } })).toEqual(whole);
    });

    it('refuses a malformed omit option with INVALID_READ_OPTION', async () => {
      const { store, prefix } = context();
      const malformed: unknown[] = [
        null,
        'sealed',
        { data: 'sealed' },
        { data: [''] },
        { data: [1] },
        { metadata: 'yes' },
        { fields: ['sealed'] },
      ];
      for (const omit of malformed) {
        await expect(
          store.readStream(`${prefix}-x`, { omit: omit as never }),
        ).rejects.toBeInstanceOf(InvalidReadOptionError);
        await expect(store.readAll({ omit: omit as never })).rejects.toMatchObject({
          code: 'INVALID_READ_OPTION',
        });
        expect(() => store.subscribeToAll({ omit: omit as never })).toThrow(InvalidReadOptionError);
      }
    });
  });
}
