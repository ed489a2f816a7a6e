import { isCivilDate, yearOf } from './civil-dates';
import { isKnownTimeZone } from './time-zones';
import { KNOWN_UK_ONE_OFF_CHANGES } from './uk-bank-holidays-one-offs';
import { isSupportedUkYear, ukBankHolidays } from './uk-bank-holidays';

/** Configuration of the standstill calendars, per jurisdiction. */
export interface StandstillRules {
  /** UK: dates (YYYY-MM-DD) to add to the computed UK bank-holiday calendar (one-off proclaimed holidays), and dates to remove. */
  ukExtraBankHolidays: readonly string[];
  ukRemovedBankHolidays: readonly string[];
  /** EU: IANA zone where the period is counted (default 'Europe/Brussels') and public holidays (YYYY-MM-DD) of that member state. */
  euTimeZone: string;
  euPublicHolidays: readonly string[];
}

/**
 * The regular UK calendar corrected by every known one-off proclamation, so it matches gov.uk for
 * 2020–2027. No EU public holidays: they belong to the member state, which configuration names.
 */
export const DEFAULT_STANDSTILL_RULES: StandstillRules = Object.freeze({
  ukExtraBankHolidays: Object.freeze(KNOWN_UK_ONE_OFF_CHANGES.flatMap((change) => change.added)),
  ukRemovedBankHolidays: Object.freeze(
    KNOWN_UK_ONE_OFF_CHANGES.flatMap((change) => change.removed),
  ),
  euTimeZone: 'Europe/Brussels',
  euPublicHolidays: Object.freeze([]),
});

const DATE_LIST_FIELDS = [
  'ukExtraBankHolidays',
  'ukRemovedBankHolidays',
  'euPublicHolidays',
] as const;

/**
 * Throws a plain `Error` naming the first thing wrong with `rules`: a date that is not a real
 * `YYYY-MM-DD` day, an unknown time zone, a UK date both added and removed, or a removed date the
 * regular calendar does not hold (a typo would otherwise be silently ignored). Start-up calls it.
 */
export function validateStandstillRules(rules: StandstillRules): void {
  if (typeof rules !== 'object' || rules === null) {
    throw new Error('Invalid standstill rules: expected an object');
  }
  for (const field of DATE_LIST_FIELDS) assertDateList(field, rules[field]);
  if (!isKnownTimeZone(rules.euTimeZone)) {
    throw new Error(
      `Invalid standstill rules: euTimeZone ${JSON.stringify(rules.euTimeZone)} is not a known IANA time zone`,
    );
  }
  const added = new Set(rules.ukExtraBankHolidays);
  for (const date of rules.ukRemovedBankHolidays) {
    if (added.has(date)) {
      throw new Error(
        `Invalid standstill rules: ${date} is in both ukExtraBankHolidays and ukRemovedBankHolidays`,
      );
    }
    if (!isSupportedUkYear(yearOf(date))) {
      throw new Error(
        `Invalid standstill rules: ukRemovedBankHolidays has ${date}, outside the years the computed UK calendar covers`,
      );
    }
    if (!ukBankHolidays(yearOf(date)).includes(date)) {
      throw new Error(
        `Invalid standstill rules: ukRemovedBankHolidays has ${date}, which is not a bank holiday in the computed UK calendar`,
      );
    }
  }
}

function assertDateList(field: keyof StandstillRules, dates: unknown): void {
  if (!Array.isArray(dates)) {
    throw new Error(`Invalid standstill rules: ${field} must be a list of YYYY-MM-DD dates`);
  }
  dates.forEach((date, index) => {
    if (!isCivilDate(date)) {
      throw new Error(
        `Invalid standstill rules: ${field}[${index}] ${JSON.stringify(date)} is not a real YYYY-MM-DD date`,
      );
    }
  });
}
