/**
 * The date `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). A month's last
 * day stays a month's last day (30 Apr + 4 months = 31 Aug): contract end dates are inclusive, so a
 * period ending with April extended by 4 months ends with August.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  const endOfMonth = day === new Date(Date.UTC(year, month, 0)).getUTCDate();
  target.setUTCDate(endOfMonth ? lastDay : Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The whole months a period covers, counted up: 2025-05-01 to 2026-04-30 is 12, to 2026-05-01 is 13.
 * The term the 10 % of Procurement Act 2023 s.74(3)(a) is measured against when none was declared.
 */
export function termMonths(startDate: string, endDate: string): number {
  let months = 0;
  while (addMonths(startDate, months) <= endDate) months += 1;
  return months;
}
