import type { ReadAllOptions } from '@fairtender/event-store';
import { MemoryStore } from './testing/memory-store';
import { recordEvents, tenderHistory } from './testing/recorded-events';
import { belongsToTender, readTenderLog, STATE_FOLD_OMISSIONS } from './tender-log';

describe('the tender log', () => {
  it('holds exactly the streams of the tender, not those of a tender whose id extends it', () => {
    expect(belongsToTender('t1', 'tender-t1')).toBe(true);
    expect(belongsToTender('t1', 'tender-t1.bid-acme')).toBe(true);
    expect(belongsToTender('t1', 'tender-t12')).toBe(false);
    expect(belongsToTender('t1', 'tender-t12.bid-acme')).toBe(false);
  });

  it('reads in global order, in pages that shrink when bids carry large documents', async () => {
    const big = recordEvents(
      Array.from({ length: 40 }, (_, i) => ({
        stream: `tender-t1.bid-s${i}`,
        type: 'BidSubmitted',
        data: { supplierId: `s${i}`, sizeBytes: 3 * 1024 * 1024 },
      })),
      1000,
    );
    const store = new MemoryStore([...tenderHistory('t1'), ...big]);
    const asked: (number | undefined)[] = [];
    const readAll = store.readAll.bind(store);
    store.readAll = (options?: ReadAllOptions) => {
      asked.push(options?.maxCount);
      return readAll(options);
    };
    const seen = [];
    for await (const page of readTenderLog(store, 't1', { pageSize: 10 })) seen.push(...page);
    expect(seen.map((e) => e.position)).toEqual(store.events.map((e) => e.position));
    // 10 small events, then 10 bids of 3 MiB, then pages sized to ~32 MiB of them.
    expect(asked).toEqual([10, 10, 7, 7, 7, 7, 7]);

    // Read without their ciphertext, the bids are small: pages stay whole.
    asked.length = 0;
    const light = [];
    for await (const page of readTenderLog(store, 't1', {
      pageSize: 10,
      omit: STATE_FOLD_OMISSIONS,
    }))
      light.push(...page);
    expect(light.map((e) => e.position)).toEqual(store.events.map((e) => e.position));
    expect(asked).toEqual([10, 10, 10, 10, 10, 10]);
  });
});
