import type { NoticeCommand } from '../notice/commands';
import { tenderDecider } from '../notice/decide';
import type { TenderPublished } from '../tender/events/notice';
import type { TenderingPeriodRecord } from '../tender/tendering-period-record';
import type { NoticeTerms } from '../tender/terms';
import { drafted, NOW, officer, terms } from './notice-fixtures';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What publication records for a UK open procedure published at the fixtures' `NOW` (3 March 2025,
 * GMT): 25 days beginning with the publication day end at the start of 28 March (Procurement Act 2023
 * s.54(3)). `givenDays`: the days ended by the deadline, from the publication day (deadlines at noon UTC, so the
 * UTC date is the London one).
 */
export function ukOpenPeriod(submissionDeadline: string): TenderingPeriodRecord {
  const firstDay = Date.UTC(2025, 2, 3);
  const deadline = new Date(submissionDeadline);
  const last = Date.UTC(deadline.getUTCFullYear(), deadline.getUTCMonth(), deadline.getUTCDate());
  return {
    floorDays: 25,
    source: 'Procurement Act 2023 s.54(3)',
    givenDays: Math.round((last - firstDay) / DAY_MS),
    earliestDeadline: '2025-03-28T00:00:00.000Z',
  };
}

/** Shared by the tendering-period specs. */
export const publish = (now = NOW): NoticeCommand => ({
  type: 'PublishTender',
  actor: officer,
  now,
  sealingKey: { keyId: 'dk-7', wrappedKey: 'AAECAw==' },
});

/** NOW is Monday 3 March 2025, 09:00 UTC (GMT in London, CET in Brussels). */
export const notice = (submissionDeadline: string, overrides: Partial<NoticeTerms> = {}) =>
  terms({ clarificationDeadline: '2025-03-12T12:00:00.000Z', submissionDeadline, ...overrides });

/** What publication records of the period, for terms that publish. */
export function publishedPeriod(t: NoticeTerms, now = NOW) {
  const state = tenderDecider.evolve(tenderDecider.initialState(), drafted(t));
  const [event] = tenderDecider.decide(publish(now), state) as [TenderPublished];
  return event.data.tenderingPeriod;
}
