const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

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
