import { randomUUID } from 'node:crypto';
import type {
  EventOmissions,
  EventStore,
  ReadAllOptions,
  SubscribeOptions,
} from '@fairtender/event-store';
import {
  READ_MODEL_PROJECTIONS,
  rebuildAndCompare,
  type ProjectedEvent,
  type Projection,
} from '@fairtender/read-models';
import { appendMarket, readLog } from './market';
import { ADAPTERS, dumpReadModels, type ReadModelSubject } from './subjects';

/** The store, with every read's `omit` recorded, or (`whole`) ignored so whole events are read. */
function readsOf(store: EventStore, { whole = false } = {}) {
  const asked: (EventOmissions | undefined)[] = [];
  const given = <O extends { omit?: EventOmissions }>(options: O = {} as O): O => {
    asked.push(options.omit);
    return whole ? { ...options, omit: undefined } : options;
  };
  const reads: EventStore = {
    append: (...args) => store.append(...args),
    readStream: (name, options) => store.readStream(name, given(options)),
    readAll: (options?: ReadAllOptions) => store.readAll(given(options)),
    readStreamHeads: (prefix) => store.readStreamHeads(prefix),
    subscribeToAll: (options?: SubscribeOptions) => store.subscribeToAll(given(options)),
    ping: () => store.ping(),
    close: async () => undefined,
  };
  return { reads, asked };
}

const has = (field: string) => (data: unknown) =>
  typeof data === 'object' && data !== null && Object.hasOwn(data, field);
const hasCiphertext = has('sealed');
const hasDocuments = has('documents');

describe.each(ADAPTERS)(
  'read models, read without ciphertext or metadata, on %s',
  (_name, open) => {
    let subject: ReadModelSubject;
    let prefix: string;

    beforeEach(async () => {
      subject = await open();
      prefix = `t${randomUUID().slice(0, 6)}`;
    });
    afterEach(() => subject.cleanup());

    it('project bids without their ciphertext or document facts, to exactly the rows whole events give', async () => {
      await appendMarket(subject.store, prefix, 3);
      const log = await readLog(subject.store);
      const bids = log.filter((e) => e.type === 'BidSubmitted' || e.type === 'BidRevised');
      expect(bids.length).toBeGreaterThan(0);
      expect(bids.every((e) => hasCiphertext(e.data) && Object.keys(e.metadata).length > 0)).toBe(
        true,
      );

      const seen: ProjectedEvent[] = [];
      const spy: Projection = { name: 'spy', apply: (_rows, event) => void seen.push(event) };
      const light = readsOf(subject.store);
      const runner = subject.runner({
        store: light.reads,
        projections: [...READ_MODEL_PROJECTIONS, spy],
      });
      await runner.start();
      expect(await subject.queries.waitForPosition(log.at(-1)!.position, 20_000)).toBe(true);
      await runner.stop();
      expect(light.asked.length).toBeGreaterThan(0);
      expect(light.asked.every((omit) => omit?.metadata && omit.data?.includes('sealed'))).toBe(
        true,
      );
      expect(seen.filter((e) => e.type === 'BidSubmitted')).not.toHaveLength(0);
      expect(seen.filter((e) => hasCiphertext(e.data) || hasDocuments(e.data))).toEqual([]);
      const rows = await dumpReadModels(subject.client);
      expect(rows.rm_bid_receipts).toHaveLength(bids.length);

      const whole = readsOf(subject.store, { whole: true });
      const rebuilt = subject.runner({ store: whole.reads });
      await rebuilt.rebuild();
      expect(await subject.queries.waitForPosition(log.at(-1)!.position, 20_000)).toBe(true);
      await rebuilt.stop();
      expect(await dumpReadModels(subject.client)).toEqual(rows);

      const shadow = readsOf(subject.store);
      const report = await rebuildAndCompare({ store: shadow.reads, client: subject.client });
      expect(report).toMatchObject({ identical: true, aligned: true });
      expect(shadow.asked.every((omit) => omit?.metadata && omit.data?.includes('sealed'))).toBe(
        true,
      );
    });
  },
);
