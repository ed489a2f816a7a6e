import { isBase64Content } from './is-base64-content';

describe('isBase64Content', () => {
  it('accepts padded standard base64, including empty', () => {
    for (const bytes of [0, 1, 2, 3, 4, 5]) {
      expect(isBase64Content(Buffer.alloc(bytes, 0xfb).toString('base64'))).toBe(true);
    }
    expect(isBase64Content('')).toBe(true);
  });

  it('refuses other alphabets, missing padding, stray characters and non-strings', () => {
    for (const value of [
      '***',
      'abc',
      'ab=c',
      'a===',
      '-_-_',
      'YW Jj',
      'YWJj\n',
      '=AAA',
      42,
      null,
    ]) {
      expect(isBase64Content(value)).toBe(false);
    }
  });

  it('checks a 4 MB document in one pass, from deep in a call stack (class-validator’s regex overflowed it in CI)', () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 1, 7).toString('base64');
    const deep = (depth: number): boolean => (depth === 0 ? isBase64Content(big) : deep(depth - 1));
    expect(deep(5000)).toBe(true);
    expect(isBase64Content(`${big.slice(0, -4)}@AAA`)).toBe(false);
  });
});
