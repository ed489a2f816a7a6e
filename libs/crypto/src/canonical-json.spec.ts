import { canonicalJson, NotJsonError } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and drops insignificant whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], é: 0, Z: {} })).toBe(
      '{"Z":{},"a":[true,null,"x"],"b":1,"é":0}',
    );
  });

  it('serialises numbers as ECMAScript does (the RFC 8785 test values)', () => {
    // RFC 8785 §3.2.2.3 lists this literal on purpose: it is not exactly representable.
    // eslint-disable-next-line no-loss-of-precision
    expect(canonicalJson([1e21, 1e-7, -0, 0.000001, 333333333.33333329, 4.5])).toBe(
      '[1e+21,1e-7,0,0.000001,333333333.3333333,4.5]',
    );
  });

  it.each([
    ['undefined', { a: undefined }, '$.a'],
    ['a function', [() => 1], '$[0]'],
    ['a bigint', { n: 1n }, '$.n'],
    ['NaN', { n: NaN }, '$.n'],
    ['a Date', { at: new Date(0) }, '$.at'],
    ['a NUL', { s: 'a\u0000' }, '$.s'],
    ['a lone surrogate', ['\udc00'], '$[0]'],
  ])('refuses %s and names where it is', (_what, value, path) => {
    const error = (() => {
      try {
        canonicalJson(value);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NotJsonError);
    expect((error as NotJsonError).path).toBe(path);
  });

  it('refuses cycles instead of overflowing the stack', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/circular/);
  });
});
