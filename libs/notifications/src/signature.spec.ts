import { createHmac } from 'node:crypto';
import { signDelivery, verifyDelivery } from './signature';

const SECRET = 'whsec_c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA';
const BODY = '{"id":"5b0a1d0e-0000-4000-8000-000000000001","type":"tendering.closed"}';
const T = 1_743_422_400;

describe('webhook signatures', () => {
  it('is v1= and the hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the whole secret', () => {
    const expected = createHmac('sha256', Buffer.from(SECRET, 'utf8'))
      .update(`${T}.${BODY}`)
      .digest('hex');
    expect(signDelivery(SECRET, T, BODY)).toBe(`v1=${expected}`);
    // A fixed vector, so the README's algorithm can be checked in any language.
    expect(signDelivery('whsec_test', 1_700_000_000, '{}')).toBe(
      `v1=${createHmac('sha256', 'whsec_test').update('1700000000.{}').digest('hex')}`,
    );
  });

  const verify = (overrides: Partial<Parameters<typeof verifyDelivery>[0]> = {}) =>
    verifyDelivery({
      secret: SECRET,
      timestamp: String(T),
      signature: signDelivery(SECRET, T, BODY),
      body: BODY,
      nowMs: T * 1000 + 2000,
      ...overrides,
    });

  it('verifies a genuine delivery', () => {
    expect(verify()).toBeUndefined();
  });

  it('accepts a header listing several signatures when one matches', () => {
    expect(verify({ signature: `v1=${'0'.repeat(64)}, ${signDelivery(SECRET, T, BODY)}` })).toBe(
      undefined,
    );
  });

  it('refuses a changed body, another secret, a moved timestamp', () => {
    expect(verify({ body: BODY.replace('closed', 'opened') })).toBe('mismatch');
    expect(verify({ secret: `${SECRET}x` })).toBe('mismatch');
    expect(verify({ timestamp: String(T + 1) })).toBe('mismatch');
  });

  it('refuses a delivery signed too long ago, or from too far ahead', () => {
    expect(verify({ nowMs: (T + 301) * 1000 })).toBe('stale');
    expect(verify({ nowMs: (T - 301) * 1000 })).toBe('stale');
    expect(verify({ nowMs: (T + 301) * 1000, toleranceSeconds: 600 })).toBeUndefined();
  });

  it('refuses missing or malformed headers', () => {
    expect(verify({ signature: undefined })).toBe('missing');
    expect(verify({ timestamp: '' })).toBe('missing');
    expect(verify({ timestamp: '17e8' })).toBe('malformed');
    expect(verify({ signature: 'v0=abc' })).toBe('malformed');
    expect(verify({ signature: 'v1=xyz' })).toBe('mismatch');
  });
});
