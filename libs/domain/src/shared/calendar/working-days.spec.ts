import { DEFAULT_STANDSTILL_RULES, type StandstillRules } from './working-day-rules';
import { isUkWorkingDay } from './working-days';

const withUk = (extra: string[], removed: string[]): StandstillRules => ({
  ...DEFAULT_STANDSTILL_RULES,
  ukExtraBankHolidays: extra,
  ukRemovedBankHolidays: removed,
});

describe('UK working days (Procurement Act 2023 s.123)', () => {
  it('an ordinary weekday is a working day', () => {
    expect(isUkWorkingDay('2026-11-24', DEFAULT_STANDSTILL_RULES)).toBe(true);
  });

  it.each([
    ['Saturday', '2026-11-21'],
    ['Sunday', '2026-11-22'],
  ])('a %s is not', (_name, date) => {
    expect(isUkWorkingDay(date, DEFAULT_STANDSTILL_RULES)).toBe(false);
  });

  it.each([
    ["St Andrew's Day (Scotland only)", '2026-11-30'],
    ["St Patrick's Day (Northern Ireland only)", '2026-03-17'],
    ['Easter Monday (not in Scotland)', '2026-04-06'],
    ['the Scottish summer holiday', '2026-08-03'],
  ])('%s, a bank holiday in one part of the UK, is not', (_name, date) => {
    expect(isUkWorkingDay(date, DEFAULT_STANDSTILL_RULES)).toBe(false);
  });

  it('a configured extra bank holiday is not a working day', () => {
    expect(isUkWorkingDay('2026-06-05', withUk(['2026-06-05'], []))).toBe(false);
  });

  it('a configured removal makes a regular bank holiday a working day', () => {
    expect(isUkWorkingDay('2026-05-25', withUk([], ['2026-05-25']))).toBe(true);
  });

  it('removing Christmas Day or Good Friday does not make them working days: s.123 names them', () => {
    const rules = withUk([], ['2026-12-25', '2026-04-03']);
    expect(isUkWorkingDay('2026-12-25', rules)).toBe(false);
    expect(isUkWorkingDay('2026-04-03', rules)).toBe(false);
  });

  it('refuses a date that is not YYYY-MM-DD, and invalid rules', () => {
    expect(() => isUkWorkingDay('2026-11-31', DEFAULT_STANDSTILL_RULES)).toThrow(
      'Not a real YYYY-MM-DD date: "2026-11-31"',
    );
    expect(() => isUkWorkingDay('2026-11-24', withUk(['24/11/2026'], []))).toThrow(
      'Invalid standstill rules',
    );
  });
});
