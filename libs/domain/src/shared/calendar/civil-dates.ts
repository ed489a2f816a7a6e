/**
 * Calendar dates (`YYYY-MM-DD`) with no time and no zone: the days a standstill counts. Arithmetic runs
 * on UTC midnights, where every day is exactly 24 hours long.
 */
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export const SATURDAY = 6;
export const SUNDAY = 0;
export const MONDAY = 1;

/** A real calendar date in `YYYY-MM-DD` form (not 2026-02-30, which `Date.parse` would roll over). */
export function isCivilDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CIVIL_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Midnight UTC of a date already checked with `isCivilDate`, as epoch milliseconds. */
export function civilDateToUtcMs(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
}

export function civilDate(year: number, month: number, day: number): string {
  return utcMsToCivilDate(Date.UTC(year, month - 1, day));
}

export function addDays(date: string, days: number): string {
  return utcMsToCivilDate(civilDateToUtcMs(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(civilDateToUtcMs(date)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const weekday = dayOfWeek(date);
  return weekday === SATURDAY || weekday === SUNDAY;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function utcMsToCivilDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
