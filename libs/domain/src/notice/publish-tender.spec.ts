import { given } from '../shared/testing';
import type { NoticeCommand } from './commands';
import { tenderDecider } from './decide';
import { drafted, NOW, officer, tendering, terms, urgency } from '../testing/notice-fixtures';
import { ukOpenPeriod } from '../testing/tendering-periods';

const sealingKey = { keyId: 'dk-7', wrappedKey: 'AAECAw==' };
const publish = (now = NOW): NoticeCommand => ({
  type: 'PublishTender',
  actor: officer,
  now,
  sealingKey,
});

describe('PublishTender', () => {
  it('publishes notice version 1 and issues the bid-sealing key', () => {
    given(tenderDecider, [drafted()])
      .when(publish())
      .then([
        {
          type: 'TenderPublished',
          data: {
            terms: terms(),
            publishedAt: '2025-03-03T09:00:00.000Z',
            noticeVersion: 1,
            tenderingPeriod: ukOpenPeriod(terms().submissionDeadline),
          },
        },
        { type: 'BidSealingKeyIssued', data: { keyId: 'dk-7', wrappedKey: 'AAECAw==' } },
      ]);
  });

  it('publishes the latest revision of the draft', () => {
    const revised = terms({ title: 'Revised title' });
    const [event] = given(tenderDecider, [
      drafted(),
      { type: 'DraftRevised', data: { terms: revised, revisedAt: '2025-03-02T09:00:00.000Z' } },
    ])
      .when(publish())
      .then([
        {
          type: 'TenderPublished',
          data: {
            terms: revised,
            publishedAt: NOW.toISOString(),
            noticeVersion: 1,
            tenderingPeriod: ukOpenPeriod(revised.submissionDeadline),
          },
        },
        { type: 'BidSealingKeyIssued', data: sealingKey },
      ]);
    expect(event.type).toBe('TenderPublished');
  });

  // 15 days from 2025-03-03T09:00Z is 2025-03-18T09:00Z; the statutory minimum is reduced to 10 days
  // by urgency, so that the notice's own 15 days are what bind.
  it('accepts a submission deadline exactly the minimum response time away', () => {
    const exact = terms({
      submissionDeadline: '2025-03-18T09:00:00.000Z',
      clarificationDeadline: '2025-03-10T09:00:00.000Z',
      reducedTenderingPeriod: urgency,
    });
    given(tenderDecider, [drafted(exact)])
      .when(publish())
      .then([
        {
          type: 'TenderPublished',
          data: {
            terms: exact,
            publishedAt: NOW.toISOString(),
            noticeVersion: 1,
            tenderingPeriod: {
              floorDays: 10,
              source: 'Procurement Act 2023 s.54(3)',
              givenDays: 15,
              earliestDeadline: '2025-03-13T00:00:00.000Z',
              reduced: {
                ground: 'urgency',
                justification: urgency.justification,
                normalFloorDays: 25,
                normalSource: 'Procurement Act 2023 s.54(3)',
              },
            },
          },
        },
        { type: 'BidSealingKeyIssued', data: sealingKey },
      ]);
  });

  it('refuses a submission deadline 1 ms short of the minimum response time', () => {
    const short = terms({
      submissionDeadline: '2025-03-18T08:59:59.999Z',
      clarificationDeadline: '2025-03-10T09:00:00.000Z',
      reducedTenderingPeriod: urgency,
    });
    given(tenderDecider, [drafted(short)])
      .when(publish())
      .thenFails('DEADLINE_TOO_SOON', {
        field: 'submissionDeadline',
        earliestAllowed: '2025-03-18T09:00:00.000Z',
      });
  });

  it('refuses a draft whose deadlines went by while it waited', () => {
    given(tenderDecider, [drafted()])
      .when(publish(new Date('2025-03-25T00:00:00Z')))
      .thenFails('DEADLINE_TOO_SOON', { field: 'clarificationDeadline' });
  });

  it('refuses a clarification deadline equal to now', () => {
    const now = new Date('2025-03-24T12:00:00.000Z');
    const late = terms({ submissionDeadline: '2025-05-01T00:00:00Z' });
    given(tenderDecider, [drafted(late)])
      .when(publish(now))
      .thenFails('DEADLINE_TOO_SOON', {
        field: 'clarificationDeadline',
        earliestAllowed: now.toISOString(),
      });
  });

  it('cannot publish twice', () => {
    given(tenderDecider, tendering())
      .when(publish())
      .thenFails('ILLEGAL_STAGE', { stage: 'tendering', allowed: ['draft'] });
  });
});
