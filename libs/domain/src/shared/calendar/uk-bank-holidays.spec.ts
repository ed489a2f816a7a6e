import { easterSunday, ukBankHolidays } from './uk-bank-holidays';

/** Union of England & Wales, Scotland and Northern Ireland, as gov.uk publishes them. */
const at = (year: number, days: string) => days.split(' ').map((day) => `${year}-${day}`);

describe('UK bank holidays in any part of the UK', () => {
  it.each([
    [2025, '01-01 01-02 03-17 04-18 04-21 05-05 05-26 07-14 08-04 08-25 12-01 12-25 12-26'],
    [2026, '01-01 01-02 03-17 04-03 04-06 05-04 05-25 07-13 08-03 08-31 11-30 12-25 12-28'],
    // Easter Sunday 28 March; 2 Jan a Saturday; 25 Dec a Saturday.
    [2027, '01-01 01-04 03-17 03-26 03-29 05-03 05-31 07-12 08-02 08-30 11-30 12-27 12-28'],
  ])('match gov.uk for %i', (year, days) => {
    expect(ukBankHolidays(year)).toEqual(at(year, days));
  });

  describe('weekend substitutes', () => {
    it('1 January on a Saturday: Monday 3 and Tuesday 4 (Scotland keeps both days)', () => {
      expect(ukBankHolidays(2022)).toEqual(expect.arrayContaining(['2022-01-03', '2022-01-04']));
      expect(ukBankHolidays(2022)).not.toContain('2022-01-05');
    });

    it('1 January on a Sunday: Monday 2 and Tuesday 3', () => {
      expect(ukBankHolidays(2023).slice(0, 2)).toEqual(['2023-01-02', '2023-01-03']);
    });

    it("St Patrick's Day on a Sunday moves to Monday", () => {
      expect(ukBankHolidays(2024)).toContain('2024-03-18');
    });

    it("St Andrew's Day on a Saturday moves to Monday", () => {
      expect(ukBankHolidays(2024)).toContain('2024-12-02');
    });

    it('Christmas Day on a Sunday: Monday 26 and Tuesday 27', () => {
      expect(ukBankHolidays(2022).slice(-2)).toEqual(['2022-12-26', '2022-12-27']);
    });

    it('never lists a Saturday or a Sunday', () => {
      for (let year = 2007; year <= 2060; year += 1) {
        for (const day of ukBankHolidays(year)) {
          expect([0, 6]).not.toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
        }
      }
    });
  });

  it.each([
    [2008, '2008-03-23'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('computes Gregorian Easter Sunday for %i', (year, easter) => {
    expect(easterSunday(year)).toBe(easter);
  });

  it.each([2006, 2026.5, Number.NaN])(
    'refuses year %p, which the current calendar does not cover',
    (year) => {
      expect(() => ukBankHolidays(year)).toThrow('UK bank holidays are computed for whole years');
    },
  );
});
