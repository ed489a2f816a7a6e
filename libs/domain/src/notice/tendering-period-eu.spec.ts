import { given } from '../shared/testing';
import { tenderDecider } from './decide';
import { drafted, urgency } from '../testing/notice-fixtures';
import { notice, publish, publishedPeriod } from '../testing/tendering-periods';
import type { NoticeTerms } from '../tender/terms';

describe('Statutory minimum tendering period: Directive 2014/24/EU', () => {
  const eu = (submissionDeadline: string, overrides: Partial<NoticeTerms> = {}) =>
    notice(submissionDeadline, { jurisdiction: 'eu-remedies', ...overrides });

  // Regulation 1182/71: the day of publication does not count; 30 days from 3 March end with 2 April
  // (Brussels, CEST from 30 March).
  it('open, electronic submission: 30 days from the day after publication (Art. 27(4))', () => {
    expect(publishedPeriod(eu('2025-04-02T22:00:00.000Z'))).toEqual({
      floorDays: 30,
      source: 'Directive 2014/24/EU Art. 27(1) and (4)',
      givenDays: 30,
      earliestDeadline: '2025-04-02T22:00:00.000Z',
    });
    given(tenderDecider, [drafted(eu('2025-04-02T12:00:00.000Z'))])
      .when(publish())
      .thenFails('TENDERING_PERIOD_TOO_SHORT', {
        floorDays: 30,
        givenDays: 29,
        source: 'Directive 2014/24/EU Art. 27(1) and (4)',
      });
  });

  it('open, not all electronic: 35 days (Art. 27(1))', () => {
    given(tenderDecider, [drafted(eu('2025-04-02T22:00:00.000Z', { electronicSubmission: false }))])
      .when(publish())
      .thenFails('TENDERING_PERIOD_TOO_SHORT', {
        floorDays: 35,
        givenDays: 30,
        source: 'Directive 2014/24/EU Art. 27(1)',
      });
    expect(
      publishedPeriod(eu('2025-04-07T22:00:00.000Z', { electronicSubmission: false })),
    ).toMatchObject({ floorDays: 35, givenDays: 35 });
  });

  it('extends a period whose last day is a Saturday to the end of the Monday (Reg. 1182/71 Art. 3(4))', () => {
    // Published Thursday 6 March: day 30 is Saturday 5 April, so the period ends with Monday 7 April.
    const thursday = new Date('2025-03-06T09:00:00.000Z');
    const t = eu('2025-04-06T12:00:00.000Z');
    given(tenderDecider, [drafted(t)])
      .when(publish(thursday))
      .thenFails('TENDERING_PERIOD_TOO_SHORT', {
        floorDays: 30,
        earliestDeadline: '2025-04-07T22:00:00.000Z',
      });
  });

  it('open: 15 days after a prior information notice (Art. 27(2)) or for urgency (Art. 27(3))', () => {
    const fifteen = '2025-03-18T23:00:00.000Z';
    expect(publishedPeriod(eu(fifteen, { reducedTenderingPeriod: urgency }))).toMatchObject({
      floorDays: 15,
      source: 'Directive 2014/24/EU Art. 27(3)',
      givenDays: 15,
      reduced: { ground: 'urgency', normalFloorDays: 30 },
    });
    const pin = {
      ground: 'prior-information-notice' as const,
      justification: 'Prior information notice 2025/S 012-034567 described the whole contract',
      priorNoticePublishedAt: '2025-01-27T09:00:00.000Z',
    };
    expect(publishedPeriod(eu(fifteen, { reducedTenderingPeriod: pin }))).toMatchObject({
      floorDays: 15,
      source: 'Directive 2014/24/EU Art. 27(2)',
    });
    // Sent 34 days before the contract notice: too late to count (Art. 27(2)(b)).
    const late = { ...pin, priorNoticePublishedAt: '2025-01-28T09:00:00.000Z' };
    given(tenderDecider, [drafted(eu(fifteen, { reducedTenderingPeriod: late }))])
      .when(publish())
      .thenFails('REDUCED_PERIOD_NOT_JUSTIFIED', {
        source: 'Directive 2014/24/EU Arts. 27(2)(b) and 28(3)(b)',
      });
    given(tenderDecider, [
      drafted(eu('2025-03-18T12:00:00.000Z', { reducedTenderingPeriod: urgency })),
    ])
      .when(publish())
      .thenFails('TENDERING_PERIOD_TOO_SHORT', { floorDays: 15, givenDays: 14 });
  });

  it('restricted: both stages between the notice and the tender deadline (Art. 28)', () => {
    given(tenderDecider, [drafted(eu('2025-04-02T22:00:00.000Z', { procedure: 'restricted' }))])
      .when(publish())
      .thenFails('TENDERING_PERIOD_TOO_SHORT', {
        floorDays: 55,
        source: 'Directive 2014/24/EU Art. 28(1), (2) and (5)',
      });
    expect(
      // Day 55 is Sunday 27 April: the period runs to the end of Monday 28 (Reg. 1182/71 Art. 3(4)).
      publishedPeriod(eu('2025-04-28T22:00:00.000Z', { procedure: 'restricted' })),
    ).toMatchObject({
      floorDays: 55,
      givenDays: 56,
      earliestDeadline: '2025-04-28T22:00:00.000Z',
    });
    expect(
      publishedPeriod(
        eu('2025-03-28T23:00:00.000Z', {
          procedure: 'restricted',
          reducedTenderingPeriod: urgency,
        }),
      ),
    ).toMatchObject({ floorDays: 25, source: 'Directive 2014/24/EU Art. 28(6)', givenDays: 25 });
  });

  it('has no competitive flexible procedure', () => {
    given(tenderDecider, [
      drafted(eu('2025-05-30T12:00:00.000Z', { procedure: 'competitive_flexible' })),
    ])
      .when(publish())
      .thenFails('PROCEDURE_NOT_AVAILABLE', { available: ['open', 'restricted'] });
  });

  it('refuses the UK ground of a planned procurement notice', () => {
    const t = eu('2025-03-18T23:00:00.000Z', {
      reducedTenderingPeriod: {
        ground: 'planned-procurement-notice',
        justification: 'A planned procurement notice was published on the central platform',
        priorNoticePublishedAt: '2025-01-06T09:00:00.000Z',
      },
    });
    given(tenderDecider, [drafted(t)])
      .when(publish())
      .thenFails('REDUCED_PERIOD_NOT_JUSTIFIED', {
        available: ['prior-information-notice', 'urgency'],
      });
  });
});
