import { isCivilDate, isWeekend, yearOf } from './civil-dates';
import { validateStandstillRules, type StandstillRules } from './working-day-rules';
import { christmasDay, goodFriday, ukBankHolidays } from './uk-bank-holidays';

/**
 * A working day as the Procurement Act 2023 s.123 defines it: not a Saturday or Sunday, not Christmas
 * Day or Good Friday, and not a bank holiday under the Banking and Financial Dealings Act 1971 in any
 * part of the United Kingdom (the computed calendar, plus `ukExtraBankHolidays`, minus
 * `ukRemovedBankHolidays`).
 */
export function isUkWorkingDay(date: string, rules: StandstillRules): boolean {
  if (!isCivilDate(date)) throw new Error(`Not a real YYYY-MM-DD date: ${JSON.stringify(date)}`);
  validateStandstillRules(rules);
  return ukWorkingDayTest(rules)(date);
}

/** `isUkWorkingDay` for rules already validated, with each year's calendar computed once. */
export function ukWorkingDayTest(rules: StandstillRules): (date: string) => boolean {
  const added = new Set(rules.ukExtraBankHolidays);
  const removed = new Set(rules.ukRemovedBankHolidays);
  const calendars = new Map<number, readonly string[]>();
  const calendarOf = (year: number) => {
    let calendar = calendars.get(year);
    if (!calendar) {
      calendar = ukBankHolidays(year);
      calendars.set(year, calendar);
    }
    return calendar;
  };
  const isBankHoliday = (date: string) =>
    added.has(date) || (calendarOf(yearOf(date)).includes(date) && !removed.has(date));
  return (date) => {
    const year = yearOf(date);
    // s.123 names Christmas Day and Good Friday itself, so no configured removal can make them working days.
    if (isWeekend(date) || date === christmasDay(year) || date === goodFriday(year)) return false;
    return !isBankHoliday(date);
  };
}

/**
 * A working day for Regulation (EEC, Euratom) No 1182/71 Art. 3(4): not a Saturday, a Sunday or a public
 * holiday of the member state (`euPublicHolidays`). Rules already validated.
 */
export function euWorkingDayTest(rules: StandstillRules): (date: string) => boolean {
  const holidays = new Set(rules.euPublicHolidays);
  return (date) => !isWeekend(date) && !holidays.has(date);
}
