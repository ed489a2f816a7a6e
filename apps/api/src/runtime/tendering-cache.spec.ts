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
