import { civilDateToUtcMs } from './civil-dates';

/**
 * Conversions between instants and local calendar dates in an IANA time zone, through `Intl` alone, so
 * summer time (BST, CEST) follows the zone's own rules with no dependency.
 */
const HOUR_MS = 60 * 60 * 1000;
const formatters = new Map<string, Intl.DateTimeFormat>();

export function isKnownTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The `YYYY-MM-DD` date the wall calendar shows in `timeZone` at instant `ms`. */
export function localDateAt(ms: number, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The first instant of `date` in `timeZone` (its local midnight, or the first instant after a summer-time
 * gap that swallows midnight). UTC offsets lie between −12 and +14 hours, so that instant is within
 * [UTC midnight − 14h, UTC midnight + 12h]; a binary search on the local date finds it to the millisecond.
 */
export function startOfLocalDay(date: string, timeZone: string): number {
  const utcMidnight = civilDateToUtcMs(date);
  let before = utcMidnight - 15 * HOUR_MS;
  let onOrAfter = utcMidnight + 13 * HOUR_MS;
  while (onOrAfter - before > 1) {
    const middle = Math.floor((before + onOrAfter) / 2);
    if (localDateAt(middle, timeZone) >= date) onOrAfter = middle;
    else before = middle;
  }
  return onOrAfter;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
