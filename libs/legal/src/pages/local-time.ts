/** The zone a page shows times in unless its link names another: the Act's jurisdiction. */
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** Whether the runtime knows this IANA time zone (e.g. `Europe/Paris`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/**
 * An instant as a reader in `timeZone` reads it, with the zone's abbreviation or offset
 * ("Thu, 3 December 2026 at 14:03:12 GMT"; abroad "GMT-5" and the like); text that is not an instant is returned as it is.
 */
export function localTime(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return instant;
  return formatFor(timeZone).format(new Date(ms));
}
