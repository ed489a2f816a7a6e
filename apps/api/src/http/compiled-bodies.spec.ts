import 'reflect-metadata';
import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import { bidBody } from '../../../../test/support/tender-fixtures';
import { BidDocumentDto, BidDto, BidPriceDto, BidResponseDto } from '../bidding/dto/bid.dto';
import { passesCompiledBody } from './compiled-bodies';
import { createValidationPipe } from './validation';

const pipe = createValidationPipe();
const metadata: ArgumentMetadata = { type: 'body', metatype: BidDto, data: undefined };

/** The DTO's own answer: class-transformer and class-validator, as before the compiled path. */
async function fullPath(value: unknown): Promise<{ ok: true; data: unknown } | { ok: false }> {
  try {
    const dto = await ValidationPipe.prototype.transform.call(pipe, value, metadata);
    return { ok: true, data: JSON.parse(JSON.stringify(dto)) };
  } catch {
    return { ok: false };
  }
}

const sortKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(sortKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, sortKeys(v)]),
        )
      : value;

function decorators(dto: new () => object): string[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .map(
      (m) =>
        `${m.propertyName} ${m.name ?? m.type}(${(m.constraints ?? [])
          .map((c: unknown) =>
            typeof c === 'function' ? 'fn' : c instanceof RegExp ? String(c) : JSON.stringify(c),
          )
          .join(',')})${m.each ? ' each' : ''}`,
    )
    .sort();
}

describe('compiled body validation (the bid routes)', () => {
  it('takes a valid bid through the compiled schema: the body itself, no DTO built', async () => {
    const body = bidBody(1_000_000, 'Fast');
    expect(passesCompiledBody(BidDto, body)).toBe(true);
    await expect(pipe.transform(body, metadata)).resolves.toBe(body);
    expect(
      passesCompiledBody(BidDto, {
        ...body,
        documentIds: ['3f0c8d2e-1b7a-4c11-9e0f-5a6b7c8d9e0f'],
      }),
    ).toBe(true);
  });

  it('refuses through the DTO what the DTO refuses, with its own answer', async () => {
    const body = { ...bidBody(1_000_000), extra: true };
    expect(passesCompiledBody(BidDto, body)).toBe(false);
    await expect(pipe.transform(body, metadata)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it.each([
    ['an amount with three decimals', { price: { amount: 10.001, currency: 'GBP' } }],
    ['an amount under a penny', { price: { amount: 0.001, currency: 'GBP' } }],
    ['an amount over the maximum', { price: { amount: 1e16, currency: 'GBP' } }],
    ['a lower-case currency', { price: { amount: 10, currency: 'gbp' } }],
    ['an unknown price field', { price: { amount: 10, currency: 'GBP', vat: 2 } }],
    [
      'a response over 50,000 characters',
      { responses: [{ criterionId: 'q', response: 'x'.repeat(50_001) }] },
    ],
    ['an empty response', { responses: [{ criterionId: 'q', response: '' }] }],
    ['a bad criterion id', { responses: [{ criterionId: 'Q!', response: 'x' }] }],
    ['31 responses', { responses: Array(31).fill({ criterionId: 'q', response: 'x' }) }],
    [
      'a document name with a slash',
      { documents: [{ name: 'a/b', mediaType: 'text/plain', contentBase64: 'eA==' }] },
    ],
    ['bad base64', { documents: [{ name: 'a', mediaType: 'text/plain', contentBase64: 'e' }] }],
    [
      'duplicate document ids',
      {
        documentIds: [
          '3f0c8d2e-1b7a-4c11-9e0f-5a6b7c8d9e0f',
          '3f0c8d2e-1b7a-4c11-9e0f-5a6b7c8d9e0f',
        ],
      },
    ],
    ['a document id that is no UUID', { documentIds: ['nope'] }],
    ['no responses', { responses: undefined }],
  ])('refuses %s, as the DTO does', async (_name, change) => {
    const body = { ...bidBody(100), ...change };
    expect(passesCompiledBody(BidDto, body)).toBe(false);
    expect((await fullPath(body)).ok).toBe(false);
  });

  it('never accepts a body the DTO refuses, and gives the same data for one it accepts', async () => {
    // Mostly valid values, so that many bodies pass; the rest of everything JSON can carry.
    const text = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('GBP', 'gbp', 'q', 'Q!', '\uFE0F', 'a/b', 'text/plain', 'eA==', 'e', ''),
    );
    const junk = fc.oneof(text, fc.double(), fc.integer(), fc.constant(null), fc.boolean());
    const mostly = <T>(valid: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: junk, weight: 1 });
    // Now and then a field no DTO declares.
    const stray = <T extends object>(record: fc.Arbitrary<T>) =>
      fc.oneof(
        { arbitrary: record, weight: 6 },
        { arbitrary: fc.tuple(record, junk).map(([r, j]) => ({ ...r, stray: j })), weight: 1 },
      );
    const body = stray(
      fc.record(
        {
          price: mostly(
            stray(
              fc.record({
                amount: mostly(
                  fc.oneof(
                    fc.double({ min: -1, max: 2e15, noNaN: true }),
                    fc.integer({ min: 1, max: 1e9 }),
                    fc.constantFrom(0.01, 10.5, 10.001, 1e15, 1e-7),
                  ),
                ),
                currency: mostly(fc.constantFrom('GBP', 'EUR')),
              }),
            ),
          ),
          responses: mostly(
            fc.array(
              mostly(
                stray(
                  fc.record({
                    criterionId: mostly(fc.constantFrom('quality', 'social-value', 'q')),
                    response: mostly(fc.string({ minLength: 1, maxLength: 20, unit: 'grapheme' })),
                  }),
                ),
              ),
              { maxLength: 3 },
            ),
          ),
          documents: mostly(
            fc.array(
              mostly(
                fc.record({
                  name: mostly(fc.constantFrom('a.pdf', 'method statement.txt')),
                  mediaType: mostly(fc.constant('text/plain')),
                  contentBase64: mostly(fc.constantFrom('eA==', 'eHk=', '')),
                }),
              ),
              { maxLength: 2 },
            ),
          ),
          documentIds: mostly(fc.array(mostly(fc.uuid()), { maxLength: 3 })),
        },
        { requiredKeys: ['price', 'responses'] },
      ),
    );
    let fast = 0;
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        if (!passesCompiledBody(BidDto, value)) return;
        fast += 1;
        const full = await fullPath(value);
        expect(full.ok).toBe(true);
        if (full.ok) expect(sortKeys(full.data)).toEqual(sortKeys(value));
      }),
      { numRuns: 3000 },
    );
    expect(fast).toBeGreaterThan(0);
  });

  it('was written for these decorators: change the schema in bid.dto.ts with them', () => {
    expect({
      BidDto: decorators(BidDto),
      BidPriceDto: decorators(BidPriceDto),
      BidResponseDto: decorators(BidResponseDto),
      BidDocumentDto: decorators(BidDocumentDto),
    }).toEqual({
      BidDto: [
        'documentIds arrayMaxSize(50)',
        'documentIds arrayUnique()',
        'documentIds isArray()',
        'documentIds isOptional(fn)',
        'documentIds isUuid("all") each',
        'documents arrayMaxSize(20)',
        'documents isArray()',
        'documents isOptional(fn)',
        'documents nestedValidation() each',
        'price isDefined()',
        'price nestedValidation()',
        'responses arrayMaxSize(30)',
        'responses isArray()',
        'responses nestedValidation() each',
      ],
      BidPriceDto: [
        'amount isNumber({"allowNaN":false,"allowInfinity":false,"maxDecimalPlaces":2})',
        'amount max(1000000000000000)',
        'amount min(0.01)',
        'currency matches(/^[A-Z]{3}$/,)',
      ],
      BidResponseDto: [
        'criterionId matches(/^[a-z0-9][a-z0-9_-]{0,39}$/,)',
        'response isLength(1,50000)',
        'response isString()',
      ],
      BidDocumentDto: [
        'contentBase64 isBase64Content()',
        'mediaType matches(/^[\\w.+-]+\\/[\\w.+-]+$/,)',
        'name isLength(1,255)',
        'name isString()',
        'name matches(/^[^/\\\\\\u0000-\\u001f]+$/,)',
      ],
    });
  });
});
