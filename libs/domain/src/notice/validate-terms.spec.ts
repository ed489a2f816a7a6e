import { DomainError } from '../shared/domain-error';
import { terms } from '../testing/notice-fixtures';
import type { AwardCriterion, NoticeTerms } from '../tender/terms';
import { validateTerms } from './validate-terms';

function refusal(candidate: NoticeTerms): DomainError {
  try {
    validateTerms(candidate);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('validateTerms accepted invalid terms');
}

const criterion = (id: string, weight: number, kind: AwardCriterion['kind'] = 'quality') => ({
  id,
  name: id,
  weight,
  kind,
});

describe('validateTerms', () => {
  it('returns a copy with only the notice fields', () => {
    const withExtra = { ...terms(), internalNote: 'do not publish' } as NoticeTerms;
    const copy = validateTerms(withExtra);
    expect(copy).toStrictEqual(terms());
    expect(copy).not.toHaveProperty('internalNote');
    expect(copy.awardCriteria).not.toBe(withExtra.awardCriteria);
  });

  it('accepts decimal weights that sum to exactly 100', () => {
    const decimals = [criterion('a', 33.3), criterion('b', 33.3), criterion('c', 33.4)];
    expect(validateTerms(terms({ awardCriteria: decimals })).awardCriteria).toHaveLength(3);
  });

  it.each([
    [[criterion('a', 60), criterion('b', 30)], 90],
    [[criterion('a', 60), criterion('b', 40.5)], 100.5],
    [[criterion('a', 0.1), criterion('b', 0.2), criterion('c', 99.6)], 99.9],
  ])('refuses weights that do not sum to 100 (%#)', (awardCriteria, sum) => {
    const error = refusal(terms({ awardCriteria }));
    expect(error.code).toBe('CRITERIA_WEIGHTS_NOT_100');
    expect(error.details).toEqual({ sum });
    expect(error.message).toContain(String(sum));
  });

  it.each([
    ['no criteria', { awardCriteria: [] }, 'awardCriteria'],
    [
      'a duplicate id',
      { awardCriteria: [criterion('q', 50), criterion('q', 50)] },
      'awardCriteria',
    ],
    [
      'a zero weight',
      { awardCriteria: [criterion('a', 100), criterion('b', 0)] },
      'awardCriteria[1].weight',
    ],
    [
      'a negative weight',
      { awardCriteria: [criterion('a', 110), criterion('b', -10)] },
      'awardCriteria[1].weight',
    ],
    [
      'a weight finer than 1/10000',
      { awardCriteria: [criterion('a', 99.99999), criterion('b', 0.00001)] },
      'awardCriteria[0].weight',
    ],
    [
      'two price criteria',
      { awardCriteria: [criterion('a', 50, 'price'), criterion('b', 50, 'price')] },
      'awardCriteria',
    ],
    ['an empty title', { title: '  ' }, 'title'],
    ['an unknown procedure', { procedure: 'negotiated' as NoticeTerms['procedure'] }, 'procedure'],
    [
      'an unknown jurisdiction',
      { jurisdiction: 'fr' as NoticeTerms['jurisdiction'] },
      'jurisdiction',
    ],
    ['min equal to max on the scale', { scoringScale: { min: 5, max: 5 } }, 'scoringScale'],
    ['min above max on the scale', { scoringScale: { min: 10, max: 0 } }, 'scoringScale'],
    ['a single minimum bid', { minimumBids: 1 }, 'minimumBids'],
    ['fractional minimum bids', { minimumBids: 2.5 }, 'minimumBids'],
    ['a single evaluator', { evaluatorCount: 1 }, 'evaluatorCount'],
    ['zero response days', { minimumResponseDays: 0 }, 'minimumResponseDays'],
    ['fractional response days', { minimumResponseDays: 10.5 }, 'minimumResponseDays'],
    [
      'a negative estimated value',
      { estimatedValue: { amount: -1, currency: 'GBP' } },
      'estimatedValue.amount',
    ],
    [
      'an infinite estimated value',
      { estimatedValue: { amount: Infinity, currency: 'GBP' } },
      'estimatedValue.amount',
    ],
    [
      'a lower-case currency',
      { estimatedValue: { amount: 1, currency: 'gbp' } },
      'estimatedValue.currency',
    ],
    [
      'a four-letter currency',
      { estimatedValue: { amount: 1, currency: 'GBPX' } },
      'estimatedValue.currency',
    ],
    ['an unparseable deadline', { submissionDeadline: 'next Friday' }, 'submissionDeadline'],
    [
      'a deadline without a time zone',
      { submissionDeadline: '2025-03-31T12:00:00' },
      'submissionDeadline',
    ],
    ['30 February', { clarificationDeadline: '2025-02-30T12:00:00Z' }, 'clarificationDeadline'],
  ])('refuses %s as INVALID_NOTICE naming the field', (_case, overrides, field) => {
    const error = refusal(terms(overrides as Partial<NoticeTerms>));
    expect({ code: error.code, field: error.details.field }).toEqual({
      code: 'INVALID_NOTICE',
      field,
    });
    expect(error.message).toContain(field);
  });

  it('names the duplicate criterion and the price criteria', () => {
    const duplicate = refusal(terms({ awardCriteria: [criterion('q', 50), criterion('q', 50)] }));
    expect(duplicate.details).toMatchObject({ duplicate: 'q' });
    const priced = refusal(
      terms({ awardCriteria: [criterion('p1', 50, 'price'), criterion('p2', 50, 'price')] }),
    );
    expect(priced.details).toMatchObject({ priceCriteria: ['p1', 'p2'] });
  });

  it('accepts zero as the estimated value and deadlines with an offset', () => {
    const accepted = validateTerms(
      terms({
        estimatedValue: { amount: 0, currency: 'EUR' },
        clarificationDeadline: '2025-03-24T12:00:00+01:00',
        submissionDeadline: '2025-03-31T12:00+01:00',
      }),
    );
    expect(accepted.estimatedValue).toEqual({ amount: 0, currency: 'EUR' });
  });

  it('refuses a clarification deadline at or after the submission deadline', () => {
    for (const clarificationDeadline of ['2025-03-31T12:00:00.000Z', '2025-04-01T00:00:00Z']) {
      const error = refusal(terms({ clarificationDeadline }));
      expect(error.code).toBe('DEADLINES_OUT_OF_ORDER');
      expect(error.details).toEqual({
        clarificationDeadline,
        submissionDeadline: '2025-03-31T12:00:00.000Z',
      });
    }
  });

  it('compares deadlines as instants, not as text', () => {
    // 12:30+01:00 is 11:30Z: before the submission deadline although it sorts after it as text.
    const accepted = validateTerms(
      terms({
        clarificationDeadline: '2025-03-31T12:30:00+01:00',
        submissionDeadline: '2025-03-31T12:00:00Z',
      }),
    );
    expect(accepted.clarificationDeadline).toBe('2025-03-31T12:30:00+01:00');
  });
});

describe('contract term (issue 15)', () => {
  const term = { startDate: '2025-05-01', endDate: '2026-04-30', maximumTermMonths: 24 };

  it('keeps the contract period and the maximum term including extension options', () => {
    expect(validateTerms(terms({ contractTerm: term })).contractTerm).toEqual(term);
    expect(validateTerms(terms())).not.toHaveProperty('contractTerm');
  });

  it.each([
    ['an end before the start', { ...term, endDate: '2025-04-30' }, 'contractTerm'],
    ['a date that is not one', { ...term, startDate: '2025-02-30' }, 'contractTerm'],
    [
      'a maximum term shorter than the period',
      { ...term, maximumTermMonths: 11 },
      'contractTerm.maximumTermMonths',
    ],
  ])('refuses %s: INVALID_NOTICE', (_case, contractTerm, field) => {
    expect(() => validateTerms(terms({ contractTerm }))).toThrow(
      expect.objectContaining({
        code: 'INVALID_NOTICE',
        details: expect.objectContaining({ field }),
      }),
    );
  });
});
