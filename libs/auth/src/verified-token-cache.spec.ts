import type { Actor } from '@fairtender/domain';
import { VerifiedTokenCache } from './verified-token-cache';

const alice: Actor = { userId: 'officer-alice', organisationId: 'authority-1', role: 'officer' };

describe('VerifiedTokenCache', () => {
  it('answers for a token until the moment it expires, then forgets it', () => {
    const cache = new VerifiedTokenCache();
    cache.set('token', alice, 2_000);
    expect(cache.get('token', 1_999)).toEqual(alice);
    expect(cache.get('token', 2_000)).toBeUndefined();
    expect(cache.get('token', 1_000)).toBeUndefined();
  });

  it('knows nothing of tokens it was never given', () => {
    expect(new VerifiedTokenCache().get('other', 0)).toBeUndefined();
  });
});
