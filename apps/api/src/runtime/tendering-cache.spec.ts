import { initialTenderState, type TenderState } from '@fairtender/domain';
import { TENDERING_CACHE_MS, TenderingCache } from './tendering-cache';
import type { ReadTenderStream } from '@fairtender/tender-streams';

const tender = (stage: TenderState['stage']): ReadTenderStream => ({
  state: { ...initialTenderState(), stage },
  history: [],
});

describe('TenderingCache', () => {
  it('keeps a tendering tender for at most its time to live', () => {
    const cache = new TenderingCache();
    cache.remember('t', tender('tendering'), 1_000);
    expect(cache.get('t', 1_000 + TENDERING_CACHE_MS)?.state.stage).toBe('tendering');
    expect(cache.get('t', 1_001 + TENDERING_CACHE_MS)).toBeUndefined();
  });

  it('never keeps a tender in any other stage, and forgets on a write', () => {
    const cache = new TenderingCache();
    cache.remember('draft', tender('draft'), 0);
    expect(cache.get('draft', 0)).toBeUndefined();
    cache.remember('t', tender('tendering'), 0);
    cache.forget('t');
    expect(cache.get('t', 0)).toBeUndefined();
  });
});

describe('TenderingCache.load', () => {
  const deferred = () => {
    let resolve!: (tender: ReadTenderStream) => void;
    const promise = new Promise<ReadTenderStream>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('lets bids that arrive together share one read, then answers from the cache', async () => {
    const cache = new TenderingCache();
    const read = deferred();
    const reader = jest.fn(() => read.promise);
    const loads = [1, 2, 3].map(() => cache.load('t', () => 0, reader));
    read.resolve(tender('tendering'));
    const tenders = await Promise.all(loads);
    expect(new Set(tenders).size).toBe(1);
    await cache.load('t', () => 10, reader);
    expect(reader).toHaveBeenCalledTimes(1);
  });

  it('reads again once the time to live has passed, and after a failed read', async () => {
    const cache = new TenderingCache();
    const reader = jest
      .fn<Promise<ReadTenderStream>, []>()
      .mockRejectedValueOnce(new Error('connection lost'))
      .mockResolvedValue(tender('tendering'));
    await expect(cache.load('t', () => 0, reader)).rejects.toThrow('connection lost');
    await cache.load('t', () => 0, reader);
    await cache.load('t', () => 1 + TENDERING_CACHE_MS, reader);
    expect(reader).toHaveBeenCalledTimes(3);
  });

  it('does not remember a read that a write overtook, nor share it with later bids', async () => {
    const cache = new TenderingCache();
    const before = deferred();
    const reader = jest
      .fn<Promise<ReadTenderStream>, []>()
      .mockReturnValueOnce(before.promise)
      .mockResolvedValue(tender('tendering'));
    const overtaken = cache.load('t', () => 0, reader);
    cache.forget('t');
    const after = cache.load('t', () => 0, reader);
    before.resolve(tender('tendering'));
    await Promise.all([overtaken, after]);
    expect(reader).toHaveBeenCalledTimes(2);
    expect(await cache.load('t', () => 0, reader)).toBe(await after);
    expect(reader).toHaveBeenCalledTimes(2);
  });
});
