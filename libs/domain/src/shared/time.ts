/**
 * Pure conversions between ISO 8601 instants and milliseconds. The domain never reads a clock: the
 * server's time arrives in `command.now`.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * An ISO 8601 date-time with a time zone, naming a real calendar moment. Stricter than `Date.parse`,
 * which silently turns 30 February into 2 March.
 */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_INSTANT.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second = 0, offsetHour = 0, offsetMinute = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHour <= 23 &&
    offsetMinute <= 59 &&
    !Number.isNaN(Date.parse(value))
  );
}

/** Milliseconds since the epoch of an instant already checked with `isIsoInstant`. */
export const toMs = (instant: string): number => Date.parse(instant);

/** The ISO 8601 UTC form of a moment: a conversion, not a clock read. */
export const isoAt = (ms: number): string => new Date(ms).toISOString();
