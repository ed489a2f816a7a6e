import { given } from '../shared/testing';
import { tenderDecider } from './decide';
import { drafted, NOW, officer, tendering, terms, urgency } from '../testing/notice-fixtures';
import { notice, publish, publishedPeriod } from '../testing/tendering-periods';
import type { NoticeTerms } from '../tender/terms';

describe('Statutory minimum tendering period: UK Procurement Act 2023', () => {
  // Published 3 March 09:00, due 4 March 12:00: one whole day.
  it('refuses a 1-day period, naming the floor, the period and its source', () => {
    const t = notice('2025-03-04T12:00:00.000Z', {
      clarificationDeadline: '2025-03-03T18:00:00.000Z',
      minimumResponseDays: 1,
    });
    given(tenderDecider, [drafted(t)])
      .when(publish())
      .thenFails('TENDERING_PERIOD_TOO_SHORT', {
        floorDays: 25,
        givenDays: 1,
        source: 'Procurement Act 2023 s.54(3)',
        procedure: 'open',
        earliestDeadline: '2025-03-28T00:00:00.000Z',
      });
  });

  // 25 days beginning with 3 March run to the end of 27 March (London).
  it('accepts exactly 25 days and refuses one millisecond less', () => {
    expect(publishedPeriod(notice('2025-03-28T00:00:00.000Z'))).toEqual({
      floorDays: 25,
      source: 'Procurement Act 2023 s.54(3)',
      givenDays: 25,
      earliestDeadline: '2025-03-28T00:00:00.000Z',
    });
    given(tenderDecider, [drafted(notice('2025-03-27T23:59:59.999Z'))])
      .when(publish())
      .thenFails('TENDERING_PERIOD_TOO_SHORT', { floorDays: 25, givenDays: 25 - 1 });
  });

  it('counts in London time: in summer the day starts an hour before UTC midnight', () => {
    const june = new Date('2025-06-02T09:00:00.000Z');
    const t = terms({
      clarificationDeadline: '2025-06-10T12:00:00.000Z',
      submissionDeadline: '2025-06-26T23:00:00.000Z',
    });
    expect(publishedPeriod(t, june)).toMatchObject({
      givenDays: 25,
      earliestDeadline: '2025-06-26T23:00:00.000Z',
    });
  });

  it('requires 30 days when tenders cannot all be submitted electronically', () => {
    given(tenderDecider, [
      drafted(notice('2025-03-31T12:00:00.000Z', { electronicSubmission: false })),
    ])
      .when(publish())
      .thenFails('TENDERING_PERIOD_TOO_SHORT', { floorDays: 30, givenDays: 28 });
    expect(
      publishedPeriod(notice('2025-04-02T00:00:00.000Z', { electronicSubmission: false })),
    ).toMatchObject({ floorDays: 30, givenDays: 30 });
  });

  it('allows 10 days for urgency, recording the ground and its justification', () => {
    expect(
      publishedPeriod(
        notice('2025-03-13T00:00:00.000Z', {
          clarificationDeadline: '2025-03-08T12:00:00.000Z',
          minimumResponseDays: 5,
          reducedTenderingPeriod: urgency,
        }),
      ),
    ).toEqual({
      floorDays: 10,
      source: 'Procurement Act 2023 s.54(3)',
      givenDays: 10,
      earliestDeadline: '2025-03-13T00:00:00.000Z',
      reduced: {
        ground: 'urgency',
        justification: urgency.justification,
        normalFloorDays: 25,
        normalSource: 'Procurement Act 2023 s.54(3)',
      },
    });
  });

  it('refuses less than 10 days even on a listed ground', () => {
    const t = notice('2025-03-12T18:00:00.000Z', {
      clarificationDeadline: '2025-03-08T12:00:00.000Z',
      minimumResponseDays: 5,
      reducedTenderingPeriod: urgency,
    });
    given(tenderDecider, [drafted(t)])
      .when(publish())
      .thenFails('TENDERING_PERIOD_TOO_SHORT', {
        floorDays: 10,
        givenDays: 9,
        reducedPeriodGround: 'urgency',
      });
  });

  it('allows 10 days after a qualifying planned procurement notice, 40 days to a year before', () => {
    const afterPlanned = (priorNoticePublishedAt: string) =>
      notice('2025-03-13T00:00:00.000Z', {
        clarificationDeadline: '2025-03-08T12:00:00.000Z',
        minimumResponseDays: 5,
        reducedTenderingPeriod: {
          ground: 'planned-procurement-notice',
          justification:
            'Planned procurement notice 2025/S 000-001122 set out the whole requirement',
          priorNoticePublishedAt,
        },
      });
    expect(publishedPeriod(afterPlanned('2025-01-22T10:00:00.000Z'))).toMatchObject({
      floorDays: 10,
      reduced: { ground: 'planned-procurement-notice' },
    });
    given(tenderDecider, [drafted(afterPlanned('2025-01-23T10:00:00.000Z'))])
      .when(publish())
      .thenFails('REDUCED_PERIOD_NOT_JUSTIFIED', {
        latest: '2025-01-22',
        earliest: '2024-03-03',
      });
    given(tenderDecider, [drafted(afterPlanned('2024-03-02T10:00:00.000Z'))])
      .when(publish())
      .thenFails('REDUCED_PERIOD_NOT_JUSTIFIED', { ground: 'planned-procurement-notice' });
  });

  it('refuses a reduced ground without a real justification, or one the Act does not list', () => {
    const reduced = (reducedTenderingPeriod: NoticeTerms['reducedTenderingPeriod']) =>
      notice('2025-03-13T00:00:00.000Z', {
        clarificationDeadline: '2025-03-08T12:00:00.000Z',
        reducedTenderingPeriod,
      });
    given(tenderDecider, [])
      .when({
        type: 'DraftTender',
        actor: officer,
        now: NOW,
        tenderId: 't-1',
        terms: reduced({ ground: 'urgency', justification: 'Urgent. Urgent. Urgent.' }),
      })
      .thenFails('REDUCED_PERIOD_NOT_JUSTIFIED', {
        field: 'reducedTenderingPeriod.justification',
      });
    given(tenderDecider, [drafted(reduced({ ground: 'urgency', justification: '' }))])
      .when(publish())
      .thenFails('REDUCED_PERIOD_NOT_JUSTIFIED');
    given(tenderDecider, [
      drafted(
        reduced({
          ground: 'prior-information-notice',
          justification: 'A prior information notice was published in the Official Journal',
          priorNoticePublishedAt: '2025-01-06T09:00:00.000Z',
        }),
      ),
    ])
      .when(publish())
      .thenFails('REDUCED_PERIOD_NOT_JUSTIFIED', {
        ground: 'prior-information-notice',
        available: ['planned-procurement-notice', 'urgency'],
      });
  });

  it('refuses malformed terms of the period: the submission flag, a prior notice date for urgency', () => {
    const draft = (overrides: Partial<NoticeTerms>) =>
      given(tenderDecider, []).when({
        type: 'DraftTender',
        actor: officer,
        now: NOW,
        tenderId: 't-1',
        terms: terms(overrides),
      });
    draft({ electronicSubmission: 'yes' as unknown as boolean }).thenFails('INVALID_NOTICE', {
      field: 'electronicSubmission',
    });
    draft({
      reducedTenderingPeriod: { ...urgency, priorNoticePublishedAt: '2025-01-06T09:00:00.000Z' },
    }).thenFails('REDUCED_PERIOD_NOT_JUSTIFIED', {
      field: 'reducedTenderingPeriod.priorNoticePublishedAt',
    });
    draft({
      reducedTenderingPeriod: {
        ground: 'planned-procurement-notice',
        justification: 'Planned procurement notice 2025/S 000-001122 set out the whole requirement',
      },
    }).thenFails('REDUCED_PERIOD_NOT_JUSTIFIED', {
      field: 'reducedTenderingPeriod.priorNoticePublishedAt',
    });
  });

  it('cannot take a reduced ground by amendment: the period is set by the notice as published', () => {
    given(tenderDecider, tendering())
      .when({
        type: 'AmendNotice',
        actor: officer,
        now: NOW,
        changes: { reducedTenderingPeriod: urgency } as never,
        reason: 'Now urgent',
      })
      .thenFails('INVALID_NOTICE', { notAmendable: ['reducedTenderingPeriod'] });
  });

  it('records a ground not relied on without a reduction, when the period meets the normal floor', () => {
    expect(
      publishedPeriod(notice(terms().submissionDeadline, { reducedTenderingPeriod: urgency })),
    ).toEqual({
      floorDays: 25,
      source: 'Procurement Act 2023 s.54(3)',
      givenDays: 28,
      earliestDeadline: '2025-03-28T00:00:00.000Z',
    });
  });

  it('has no restricted procedure: refused when drafted and when published', () => {
    given(tenderDecider, [])
      .when({
        type: 'DraftTender',
        actor: officer,
        now: NOW,
        tenderId: 't-1',
        terms: terms({ procedure: 'restricted' }),
      })
      .thenFails('PROCEDURE_NOT_AVAILABLE', {
        jurisdiction: 'uk-pa-2023',
        procedure: 'restricted',
        available: ['open', 'competitive_flexible'],
      });
    // A draft stored before the rule is still refused at publication.
    given(tenderDecider, [drafted(terms({ procedure: 'restricted' }))])
      .when(publish())
      .thenFails('PROCEDURE_NOT_AVAILABLE');
  });

  it('holds a competitive flexible procedure to the same 25 days from the tender notice', () => {
    given(tenderDecider, [
      drafted(notice('2025-03-20T12:00:00.000Z', { procedure: 'competitive_flexible' })),
    ])
      .when(publish())
      .thenFails('TENDERING_PERIOD_TOO_SHORT', {
        floorDays: 25,
        procedure: 'competitive_flexible',
      });
  });
});
