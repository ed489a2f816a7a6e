import { randomBytes } from 'node:crypto';
import { derivePageLinkKey, signPageLink, verifyPageLink, type PageLinkClaims } from './page-link';

describe('signed page links', () => {
  const key = derivePageLinkKey(randomBytes(32));
  const claims: PageLinkClaims = {
    linkId: '5a1f4a36-7c1e-4c8a-9d35-0c3d8f1d1a11',
    tenderId: '0d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6',
    page: 'timeline',
    actor: { userId: 'legal-lee', role: 'legal', organisationId: 'met-police' },
    expiresAt: Date.parse('2026-12-03T12:00:00Z'),
    timeZone: 'Europe/London',
  };
  const expected = { tenderId: claims.tenderId, page: claims.page, now: claims.expiresAt - 1 };

  it('a link this server signed opens its page until it expires', () => {
    expect(verifyPageLink(key, signPageLink(key, claims), expected)).toEqual(claims);
  });

  it('an expired link is LINK_EXPIRED', () => {
    expect(() =>
      verifyPageLink(key, signPageLink(key, claims), { ...expected, now: claims.expiresAt }),
    ).toThrow(expect.objectContaining({ code: 'LINK_EXPIRED' }));
  });

  it('a link with altered claims, another key, or for another page is LINK_INVALID', () => {
    const token = signPageLink(key, claims);
    const [version, , signature] = token.split('.');
    const widened = Buffer.from(
      JSON.stringify({ ...claims, expiresAt: claims.expiresAt + 86_400_000 }),
    ).toString('base64url');
    const refused = [
      `${version}.${widened}.${signature}`,
      signPageLink(derivePageLinkKey(randomBytes(32)), claims),
      'not-a-link',
      `${token}.extra`,
    ];
    for (const bad of refused) {
      expect(() => verifyPageLink(key, bad, expected)).toThrow(
        expect.objectContaining({ code: 'LINK_INVALID' }),
      );
    }
    expect(() => verifyPageLink(key, token, { ...expected, page: 'integrity' })).toThrow(
      expect.objectContaining({ code: 'LINK_INVALID' }),
    );
  });

  it('the link key is derived: the same master key gives the same key, another a different one', () => {
    const master = randomBytes(32);
    expect(derivePageLinkKey(master).equals(derivePageLinkKey(master))).toBe(true);
    expect(derivePageLinkKey(master).equals(master)).toBe(false);
  });
});
