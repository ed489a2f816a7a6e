import { numberProblem, scanJsonShape, type JsonShapeLimits } from './json-shape';

const LIMITS: JsonShapeLimits = { maxDepth: 8, maxArrayItems: 5, maxValues: 100 };
const scan = (text: string) => scanJsonShape(Buffer.from(text), LIMITS);

describe('scanJsonShape: bounds checked on the bytes, before parsing', () => {
  it.each([
    '{}',
    '[]',
    '{"a":[1,2,3,4,5],"b":{"c":"d"}}',
    '{"text":"quote \\" and backslash \\\\ and \\u0041"}',
    '{"text":"a literal \\\\u0000 is fine"}',
    '{"n":[0,-0,1.5,1e300],"m":[2.2250738585072014e-308,-3.5e-10],"l":[true,false,null]}',
    '"just a string"',
  ])('lets %s through', (text) => {
    expect(scan(text)).toBeUndefined();
  });

  it('refuses nesting past the limit', () => {
    expect(scan(`${'['.repeat(9)}${']'.repeat(9)}`)?.code).toBe('BODY_TOO_DEEP');
    expect(scan(`${'{"a":'.repeat(8)}1${'}'.repeat(8)}`)).toBeUndefined();
  });

  it('refuses an array past the limit and names it', () => {
    expect(scan('{"x":{"responses":[{},{},{},{},{},{}]}}')).toEqual({
      code: 'ARRAY_TOO_LONG',
      message: 'An array may hold at most 5 items',
      details: { field: 'x.responses', max: 5 },
    });
    expect(scan('[1,2,3,4,5,6]')?.details).toEqual({ max: 5 });
  });

  it('refuses a body with too many values', () => {
    const wide = `{${Array.from({ length: 60 }, (_, i) => `"k${i}":1`).join(',')}}`;
    expect(scan(wide)?.code).toBe('BODY_TOO_COMPLEX');
  });

  it.each([
    ['{"question":"hi\\u0000"}', 'question'],
    ['{"a":[{"b":"\\\\\\u0000"}]}', 'a.0.b'],
  ])('refuses the NUL escape in %s', (text, field) => {
    expect(scan(text)).toMatchObject({ code: 'TEXT_HAS_NUL', details: { field } });
  });

  it.each([
    '1e-320',
    '4.9e-324',
    '-2e-310',
    '1e-400',
    '0.1e-330',
    '1e400',
    '-1e999',
    `1${'0'.repeat(400)}`,
  ])('refuses the number %s', (number) => {
    expect(scan(`{"price":{"amount":${number}}}`)).toMatchObject({
      code: 'NUMBER_OUT_OF_RANGE',
      details: { field: 'price.amount' },
    });
  });

  it.each(['0', '0.0', '-0e5', '0e-400', '1e-300', '123.45'])('takes %s at its word', (number) => {
    expect(numberProblem(number)).toBeUndefined();
  });

  it('refuses a million-item array in well under a millisecond per megabyte', () => {
    const body = Buffer.from(`[${Array(1_000_000).fill('{}').join(',')}]`);
    const started = performance.now();
    expect(scanJsonShape(body, LIMITS)?.code).toBe('ARRAY_TOO_LONG');
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('reads an 8 MiB document body in a few milliseconds', () => {
    const body = Buffer.from(`{"doc":"${'QUJD'.repeat(2 * 1024 * 1024)}","n":1}`);
    const started = performance.now();
    expect(scanJsonShape(body, LIMITS)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(100);
  });
});
