import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { getMetadataStorage } from 'class-validator';
import { ApiError } from './api-error';
import { JSON_SHAPE_LIMITS } from './body-limits';
import { isDtoClass, propertyLimitsOf, type DtoClass } from './dto-limits';
import { scanJsonShape } from './json-shape';
import { createValidationPipe } from './validation';

/** Every DTO of the API: each exported class of every `dto/` folder that class-validator knows. */
function everyDto(): [string, DtoClass][] {
  const root = join(__dirname, '..');
  const found: [string, DtoClass][] = [];
  for (const area of readdirSync(root)) {
    let files: string[] = [];
    try {
      files = readdirSync(join(root, area, 'dto')).filter((f) => /\.dto\.ts$/.test(f));
    } catch {
      continue;
    }
    for (const file of files) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- every DTO, by folder
      const exported = require(join(root, area, 'dto', file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(exported)) {
        if (!isDtoClass(value)) continue;
        const rules = getMetadataStorage().getTargetValidationMetadatas(value, '', true, false);
        if (rules.length > 0) found.push([name, value]);
      }
    }
  }
  return found;
}

const DTOS = everyDto();
const pipe = createValidationPipe();
// Not a speed target (bench:abuse measures those): a guard against the finding, 10 s to 53 s per
// body, loose enough for a loaded 2-core CI machine (1.5 s seen for a 1,000,000-element array there).
const MAX_MS = 5_000;

/** The edge, as a request meets it: byte scan, JSON.parse, then the validation pipe. */
async function answer(text: string, dto: DtoClass): Promise<number> {
  const refusal = scanJsonShape(Buffer.from(text), JSON_SHAPE_LIMITS);
  if (refusal) return 400;
  const body: unknown = JSON.parse(text);
  try {
    await pipe.transform(body, { type: 'body', metatype: dto as never });
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error; // anything else would be a 500
  }
}

/** JSON values built from a DTO's own field names, so that bodies get past "unknown field". */
function bodyFor(dto: DtoClass, depth = 0): fc.Arbitrary<unknown> {
  const properties = getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .map((rule) => rule.propertyName);
  const nested = new Map(propertyLimitsOf(dto).map((limit) => [limit.property, limit.nested]));
  const value = (property: string): fc.Arbitrary<unknown> => {
    const inner = nested.get(property);
    const own = inner && depth < 3 ? bodyFor(inner, depth + 1) : fc.constant(null);
    return fc.oneof(
      own,
      fc.array(own, { maxLength: 60 }),
      pathological,
      fc.jsonValue({ maxDepth: 3 }),
    );
  };
  return fc.record(Object.fromEntries([...new Set(properties)].map((p) => [p, value(p)])), {
    requiredKeys: [],
  });
}

const pathological = fc.oneof(
  fc.constantFrom(1e-320, -0, 5e-324, 1.7976931348623157e308, 0.1 + 0.2, 2 ** 53 + 1, -1e15),
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '../../etc/passwd',
    'ACME',
    '\u0430\u0441m\u0435',
  ),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom('1e-320', 'NaN', 'Infinity', '9'.repeat(400)),
  fc.array(fc.constant({}), { minLength: 31, maxLength: 200 }),
);

describe('every DTO under random and pathological bodies (issue 17)', () => {
  it('finds the DTOs', () => {
    expect(DTOS.length).toBeGreaterThanOrEqual(20);
  });

  it('declares @ArrayMaxSize on every array it accepts', () => {
    const unbounded = DTOS.flatMap(([name, dto]) =>
      getMetadataStorage()
        .getTargetValidationMetadatas(dto, '', true, false)
        .filter((rule) => rule.name === 'isArray' || rule.each)
        .filter(
          (rule) => !propertyLimitsOf(dto).find((l) => l.property === rule.propertyName)?.maxItems,
        )
        .map((rule) => `${name}.${rule.propertyName}`),
    );
    expect([...new Set(unbounded)]).toEqual([]);
  });

  it('bounds no DTO array past what the byte scan lets through', () => {
    const over = DTOS.flatMap(([name, dto]) =>
      propertyLimitsOf(dto)
        .filter((limit) => (limit.maxItems ?? 0) > JSON_SHAPE_LIMITS.maxArrayItems)
        .map((limit) => `${name}.${limit.property}`),
    );
    expect(over).toEqual([]);
  });

  it.each(DTOS)('%s answers every body with a 2xx or 4xx, in milliseconds', async (_name, dto) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(bodyFor(dto), fc.jsonValue()), async (body) => {
        const text = JSON.stringify(body) ?? 'null';
        const started = performance.now();
        const status = await answer(text, dto);
        expect(status < 500).toBe(true);
        expect(performance.now() - started).toBeLessThan(MAX_MS);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 40) },
    );
  });

  it.each(DTOS)('%s refuses hostile shapes before transforming them', async (_name, dto) => {
    const hostile = [
      `[${Array(1_000_000).fill('{}').join(',')}]`,
      `${'{"a":'.repeat(2500)}1${'}'.repeat(2500)}`,
      `{"x":${'['.repeat(2500)}${']'.repeat(2500)}}`,
      `{"amount":1e-320}`,
      `{"text":"\\u0000"}`,
    ];
    for (const text of hostile) {
      const started = performance.now();
      expect(await answer(text, dto)).toBe(400);
      expect(performance.now() - started).toBeLessThan(MAX_MS);
    }
  });
});
