import { addDays, civilDate, dayOfWeek, isWeekend, MONDAY } from './civil-dates';

/**
 * Bank holidays under the Banking and Financial Dealings Act 1971 (Schedule 1 and the usual royal
 * proclamations) in any part of the UK, as gov.uk publishes them: the union of England & Wales, Scotland
 * and Northern Ireland, with a weekend holiday replaced by its weekday substitute.
 *
 * This is the regular calendar only. One-off proclamations (moved or extra holidays such as the 2020 VE
 * Day move, the 2022 Jubilee and State Funeral, the 2023 Coronation) are configuration: see
 * `KNOWN_UK_ONE_OFF_CHANGES`, which `DEFAULT_STANDSTILL_RULES` applies.
 */
export function ukBankHolidays(year: number): string[] {
  assertSupportedYear(year);
  const easter = easterSunday(year);
  const holidays = [
    // New Year's Day (all) and 2 January (Scotland): each weekend day moves to the next free weekday.
    ...observedPair(civilDate(year, 1, 1)),
    weekdayOnOrAfter(civilDate(year, 3, 17)), // St Patrick's Day (NI)
    goodFriday(year),
    addDays(easter, 1), // Easter Monday (E&W, NI)
    firstMonday(year, 5), // Early May
    lastMonday(year, 5), // Spring
    weekdayOnOrAfter(civilDate(year, 7, 12)), // Battle of the Boyne (NI)
    firstMonday(year, 8), // Summer (Scotland)
    lastMonday(year, 8), // Summer (E&W, NI)
    weekdayOnOrAfter(civilDate(year, 11, 30)), // St Andrew's Day (Scotland)
    ...observedPair(civilDate(year, 12, 25)), // Christmas Day and Boxing Day
  ];
  return [...new Set(holidays)].sort();
}

export function goodFriday(year: number): string {
  return addDays(easterSunday(year), -2);
}

export function christmasDay(year: number): string {
  return civilDate(year, 12, 25);
}

/** Gregorian Easter Sunday (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return civilDate(year, month, day);
}

/**
 * St Andrew's Day became a Scottish bank holiday in 2007 (St Andrew's Day Bank Holiday (Scotland) Act
 * 2007); earlier years had a different calendar, so they are refused rather than answered wrongly.
 */
const FIRST_SUPPORTED_YEAR = 2007;
const LAST_SUPPORTED_YEAR = 9999;

export function isSupportedUkYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_SUPPORTED_YEAR && year <= LAST_SUPPORTED_YEAR;
}

function assertSupportedYear(year: number): void {
  if (!isSupportedUkYear(year)) {
    throw new Error(
      `UK bank holidays are computed for whole years ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}, not ${year}`,
    );
  }
}

/**
 * Two consecutive holidays (1–2 January, 25–26 December): each is observed on the first weekday on or
 * after its date that the first has not taken. So 25 Dec on a Saturday gives Monday 27 and Tuesday 28;
 * on a Sunday, Monday 26 and Tuesday 27; 26 Dec on a Saturday gives Monday 28.
 */
function observedPair(first: string): [string, string] {
  const firstObserved = weekdayOnOrAfter(first);
  let secondObserved = weekdayOnOrAfter(addDays(first, 1));
  if (secondObserved === firstObserved)
    secondObserved = weekdayOnOrAfter(addDays(firstObserved, 1));
  return [firstObserved, secondObserved];
}

function weekdayOnOrAfter(date: string): string {
  let day = date;
  while (isWeekend(day)) day = addDays(day, 1);
  return day;
}

function firstMonday(year: number, month: number): string {
  const first = civilDate(year, month, 1);
  return addDays(first, (MONDAY - dayOfWeek(first) + 7) % 7);
}

function lastMonday(year: number, month: number): string {
  const last = civilDate(year, month + 1, 0);
  return addDays(last, -((dayOfWeek(last) - MONDAY + 7) % 7));
}
