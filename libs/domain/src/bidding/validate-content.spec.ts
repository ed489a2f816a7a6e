import { terms } from '../testing/notice-fixtures';
import { DomainError } from '../shared/domain-error';
import type { BidContent } from '../tender/bid-content';
import { validateBidContent } from './validate-content';

const content = (overrides: Partial<BidContent> = {}): BidContent => ({
  price: { amount: 199_000, currency: 'GBP' },
  responses: [
    { criterionId: 'quality', response: 'Cameras with 12-hour batteries' },
    { criterionId: 'social', response: 'Two apprenticeships' },
  ],
  documents: [{ name: 'method.pdf', mediaType: 'application/pdf', contentBase64: 'JVBERi0=' }],
  ...overrides,
});

function refusal(candidate: BidContent): DomainError {
  try {
    validateBidContent(terms(), candidate);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('validateBidContent accepted an invalid bid');
}

describe('validateBidContent', () => {
  it('accepts a complete bid in the notice currency', () => {
    expect(() => validateBidContent(terms(), content())).not.toThrow();
  });

  it('refuses another currency', () => {
    const error = refusal(content({ price: { amount: 1, currency: 'EUR' } }));
    expect(error.code).toBe('BID_CURRENCY_MISMATCH');
    expect(error.details).toEqual({ expected: 'GBP', received: 'EUR' });
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('refuses a price of %p', (amount) => {
    const error = refusal(content({ price: { amount, currency: 'GBP' } }));
    expect(error.code).toBe('BID_INCOMPLETE');
    expect(error.details).toMatchObject({ field: 'price.amount' });
  });

  it('lists missing, unknown and duplicated criteria', () => {
    const error = refusal(
      content({
        responses: [
          { criterionId: 'quality', response: 'A' },
          { criterionId: 'quality', response: 'B' },
          { criterionId: 'price', response: 'Cheapest' },
          { criterionId: 'colour', response: 'Blue' },
        ],
      }),
    );
    expect(error.code).toBe('BID_INCOMPLETE');
    expect(error.details).toEqual({
      missing: ['social'],
      unknown: ['price', 'colour'],
      duplicated: ['quality'],
    });
    expect(error.message).toContain('social');
  });

  it('counts a blank response as missing', () => {
    const error = refusal(
      content({
        responses: [
          { criterionId: 'quality', response: 'A' },
          { criterionId: 'social', response: '   ' },
        ],
      }),
    );
    expect(error.details).toEqual({ missing: ['social'], unknown: [], duplicated: [] });
  });
});
