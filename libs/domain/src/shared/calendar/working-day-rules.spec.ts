import { addDays, isWeekend } from './civil-dates';
import {
  DEFAULT_STANDSTILL_RULES,
  validateStandstillRules,
  type StandstillRules,
} from './working-day-rules';
import { isUkWorkingDay } from './working-days';

const rules = (overrides: Partial<Record<keyof StandstillRules, unknown>>) =>
  ({ ...DEFAULT_STANDSTILL_RULES, ...overrides }) as StandstillRules;

/** Weekdays that are not working days under the default rules. */
function nonWorkingWeekdays(year: number): string[] {
  const days: string[] = [];
  for (let day = `${year}-01-01`; day < `${year + 1}-01-01`; day = addDays(day, 1)) {
    if (!isWeekend(day) && !isUkWorkingDay(day, DEFAULT_STANDSTILL_RULES)) days.push(day);
  }
  return days.map((day) => day.slice(5));
}

describe('default standstill rules', () => {
  /** gov.uk bank holidays, England & Wales + Scotland + Northern Ireland, one-off proclamations included. */
  it.each([
    [2020, '01-01 01-02 03-17 04-10 04-13 05-08 05-25 07-13 08-03 08-31 11-30 12-25 12-28'],
    [2021, '01-01 01-04 03-17 04-02 04-05 05-03 05-31 07-12 08-02 08-30 11-30 12-27 12-28'],
    [
      2022,
      '01-03 01-04 03-17 04-15 04-18 05-02 06-02 06-03 07-12 08-01 08-29 09-19 11-30 12-26 12-27',
    ],
    [2023, '01-02 01-03 03-17 04-07 04-10 05-01 05-08 05-29 07-12 08-07 08-28 11-30 12-25 12-26'],
    [2024, '01-01 01-02 03-18 03-29 04-01 05-06 05-27 07-12 08-05 08-26 12-02 12-25 12-26'],
    [2025, '01-01 01-02 03-17 04-18 04-21 05-05 05-26 07-14 08-04 08-25 12-01 12-25 12-26'],
    [2026, '01-01 01-02 03-17 04-03 04-06 05-04 05-25 07-13 08-03 08-31 11-30 12-25 12-28'],
    [2027, '01-01 01-04 03-17 03-26 03-29 05-03 05-31 07-12 08-02 08-30 11-30 12-27 12-28'],
  ])('make the non-working weekdays of %i those gov.uk lists', (year, days) => {
    expect(nonWorkingWeekdays(year)).toEqual(days.split(' '));
  });

  it('are valid, counting EU periods in Brussels', () => {
    expect(() => validateStandstillRules(DEFAULT_STANDSTILL_RULES)).not.toThrow();
    expect(DEFAULT_STANDSTILL_RULES.euTimeZone).toBe('Europe/Brussels');
  });
});

describe('validating standstill rules', () => {
  it.each([
    [
      'ukExtraBankHolidays',
      ['2026-02-30'],
      'ukExtraBankHolidays[0] "2026-02-30" is not a real YYYY-MM-DD date',
    ],
    [
      'ukExtraBankHolidays',
      ['2026-6-1'],
      'ukExtraBankHolidays[0] "2026-6-1" is not a real YYYY-MM-DD date',
    ],
    [
      'ukRemovedBankHolidays',
      [20260525],
      'ukRemovedBankHolidays[0] 20260525 is not a real YYYY-MM-DD date',
    ],
    [
      'euPublicHolidays',
      ['2026-11-11', '11/11/2026'],
      'euPublicHolidays[1] "11/11/2026" is not a real',
    ],
    ['euPublicHolidays', '2026-11-11', 'euPublicHolidays must be a list of YYYY-MM-DD dates'],
    ['euTimeZone', 'Europe/Brusels', 'euTimeZone "Europe/Brusels" is not a known IANA time zone'],
    ['euTimeZone', '', 'euTimeZone "" is not a known IANA time zone'],
  ])('refuses %s = %p', (field, value, message) => {
    expect(() => validateStandstillRules(rules({ [field]: value }))).toThrow(
      `Invalid standstill rules: ${message}`,
    );
  });

  it('refuses a UK date both added and removed', () => {
    const contradictory = rules({
      ukExtraBankHolidays: ['2026-05-25'],
      ukRemovedBankHolidays: ['2026-05-25'],
    });
    expect(() => validateStandstillRules(contradictory)).toThrow(
      '2026-05-25 is in both ukExtraBankHolidays and ukRemovedBankHolidays',
    );
  });

  it('refuses to remove a date that is not a bank holiday, which would be a silent typo', () => {
    expect(() => validateStandstillRules(rules({ ukRemovedBankHolidays: ['2026-05-26'] }))).toThrow(
      'ukRemovedBankHolidays has 2026-05-26, which is not a bank holiday in the computed UK calendar',
    );
    expect(() => validateStandstillRules(rules({ ukRemovedBankHolidays: ['2005-05-30'] }))).toThrow(
      'ukRemovedBankHolidays has 2005-05-30, outside the years the computed UK calendar covers',
    );
  });

  it('throws plain Errors', () => {
    expect(() => validateStandstillRules(rules({ euTimeZone: 'Mars/Olympus' }))).toThrow(Error);
    try {
      validateStandstillRules(rules({ euTimeZone: 'Mars/Olympus' }));
    } catch (error) {
      expect((error as Error).constructor).toBe(Error);
    }
  });
});
