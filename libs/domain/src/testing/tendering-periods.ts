import type { TenderingPeriodRecord } from '../notice/tendering-period';

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
