import { given } from '../shared/testing';
import type { NoticeCommand } from './commands';
import { tenderDecider } from './decide';
import {
  amended,
  at,
  closedAtDeadline,
  drafted,
  msBefore,
  NOW,
  officer,
  SUBMISSION_DEADLINE,
  tendering,
  terms,
} from '../testing/notice-fixtures';
import type { AmendableTerms } from '../tender/terms';
import { ukOpenPeriod } from '../testing/tendering-periods';

const amend = (changes: AmendableTerms, now = NOW, reason = 'Scope clarified'): NoticeCommand => ({
  type: 'AmendNotice',
  actor: officer,
  now,
  changes,
  reason,
});
const noticeAmended = (changes: AmendableTerms, noticeVersion: number, now = NOW) => ({
  type: 'NoticeAmended' as const,
  data: {
    changes,
    reason: 'Scope clarified',
    amendedAt: now.toISOString(),
    noticeVersion,
    // A moved deadline is held to the statutory minimum again, from the original publication.
    ...(changes.submissionDeadline
      ? { tenderingPeriod: ukOpenPeriod(changes.submissionDeadline) }
      : {}),
  },
});

describe('AmendNotice', () => {
  it('records the changed fields as the next notice version', () => {
    given(tenderDecider, tendering())
      .when(amend({ title: 'Body-worn cameras (lot 1)' }))
      .then([noticeAmended({ title: 'Body-worn cameras (lot 1)' }, 2)]);
  });

  it('counts versions across amendments', () => {
    given(tenderDecider, [...tendering(), amended({ title: 'Second title' }, 2)])
      .when(amend({ description: 'Now with docks' }))
      .then([noticeAmended({ description: 'Now with docks' }, 3)]);
  });

  it('leaves out fields restated unchanged', () => {
    const changes = { title: terms().title, description: 'New description' };
    given(tenderDecider, tendering())
      .when(amend(changes))
      .then([noticeAmended({ description: 'New description' }, 2)]);
  });

  it.each([
    ['no fields', {}],
    [
      'only unchanged fields',
      { title: terms().title, estimatedValue: { currency: 'GBP', amount: 250_000 } },
    ],
    ['the same deadline written differently', { submissionDeadline: '2025-03-31T13:00:00+01:00' }],
  ])('refuses an amendment with %s as NOTHING_TO_AMEND', (_case, changes) => {
    given(tenderDecider, tendering()).when(amend(changes)).thenFails('NOTHING_TO_AMEND');
  });

  describe('rule 6: an amendment leaves the minimum response time', () => {
    // 11 days before the deadline; the notice requires 15 days, so the earliest is 2025-04-04T12:00Z.
    const lateNow = at('2025-03-20T12:00:00.000Z');

    it('refuses a late amendment that keeps the deadline', () => {
      given(tenderDecider, tendering())
        .when(amend({ title: 'Late change' }, lateNow))
        .thenFails('DEADLINE_TOO_SOON', {
          field: 'submissionDeadline',
          submissionDeadline: SUBMISSION_DEADLINE,
          earliestAllowed: '2025-04-04T12:00:00.000Z',
        });
    });

    it('accepts a late amendment that extends the deadline to exactly the minimum', () => {
      const changes = { title: 'Late change', submissionDeadline: '2025-04-04T12:00:00.000Z' };
      given(tenderDecider, tendering())
        .when(amend(changes, lateNow))
        .then([noticeAmended(changes, 2, lateNow)]);
    });

    it('refuses an extension 1 ms short of the minimum', () => {
      given(tenderDecider, tendering())
        .when(amend({ submissionDeadline: '2025-04-04T11:59:59.999Z' }, lateNow))
        .thenFails('DEADLINE_TOO_SOON', { earliestAllowed: '2025-04-04T12:00:00.000Z' });
    });

    it('allows bringing the deadline forward while the minimum is kept', () => {
      // Brought forward to 25 days, the statutory minimum (Procurement Act 2023 s.54(3)).
      const changes = { submissionDeadline: '2025-03-28T12:00:00.000Z' };
      given(tenderDecider, tendering())
        .when(amend(changes))
        .then([noticeAmended(changes, 2)]);
      given(tenderDecider, tendering())
        .when(amend({ submissionDeadline: '2025-03-20T12:00:00.000Z' }))
        .thenFails('DEADLINES_OUT_OF_ORDER', { clarificationDeadline: '2025-03-24T12:00:00.000Z' });
    });
  });

  it('refuses any amendment once the deadline has passed, even one extending it', () => {
    const extension = { submissionDeadline: '2025-06-30T12:00:00.000Z' };
    given(tenderDecider, tendering())
      .when(amend(extension, at(SUBMISSION_DEADLINE)))
      .thenFails('ILLEGAL_STAGE', {
        stage: 'tendering',
        deadlinePassed: true,
        submissionDeadline: SUBMISSION_DEADLINE,
      });
    const justBefore = msBefore(SUBMISSION_DEADLINE, 1);
    given(tenderDecider, tendering())
      .when(amend(extension, justBefore))
      .then([noticeAmended(extension, 2, justBefore)]);
  });

  it('re-validates the merged terms', () => {
    given(tenderDecider, tendering())
      .when(amend({ clarificationDeadline: '2025-04-01T00:00:00Z' }))
      .thenFails('DEADLINES_OUT_OF_ORDER', { submissionDeadline: SUBMISSION_DEADLINE });
    given(tenderDecider, tendering())
      .when(amend({ estimatedValue: { amount: 1, currency: 'pounds' } }))
      .thenFails('INVALID_NOTICE', { field: 'estimatedValue.currency' });
  });

  it('refuses moving the clarification deadline into the past', () => {
    given(tenderDecider, tendering())
      .when(amend({ clarificationDeadline: '2025-03-03T08:00:00.000Z' }))
      .thenFails('DEADLINE_TOO_SOON', { field: 'clarificationDeadline' });
  });

  it('refuses fields that cannot be amended after publication', () => {
    const changes = { awardCriteria: [] } as unknown as AmendableTerms;
    given(tenderDecider, tendering())
      .when(amend(changes))
      .thenFails('INVALID_NOTICE', { field: 'awardCriteria', notAmendable: ['awardCriteria'] });
  });

  it('needs a reason', () => {
    given(tenderDecider, tendering())
      .when(amend({ title: 'X' }, NOW, ''))
      .thenFails('INVALID_NOTICE', { field: 'reason' });
  });

  it.each([
    ['draft', [drafted()]],
    ['closed', [...tendering(), closedAtDeadline()]],
  ])('is refused in stage %s', (stage, history) => {
    given(tenderDecider, history)
      .when(amend({ title: 'X' }))
      .thenFails('ILLEGAL_STAGE', { stage, allowed: ['tendering'] });
  });
});
