/**
 * One-off bank holidays proclaimed under s.1(3) of the Banking and Financial Dealings Act 1971, which the
 * regular calendar (`ukBankHolidays`) cannot know. Each holds the regular dates it removed and the dates
 * it added, across the whole UK, as gov.uk lists them. New proclamations go here or in configuration.
 */
export interface UkOneOffChange {
  reason: string;
  removed: readonly string[];
  added: readonly string[];
}

export const KNOWN_UK_ONE_OFF_CHANGES: readonly UkOneOffChange[] = [
  {
    reason:
      '75th anniversary of VE Day: Early May bank holiday moved from Monday 4 to Friday 8 May',
    removed: ['2020-05-04'],
    added: ['2020-05-08'],
  },
  {
    reason: 'Platinum Jubilee: Spring bank holiday moved to Thursday 2 June, plus Friday 3 June',
    removed: ['2022-05-30'],
    added: ['2022-06-02', '2022-06-03'],
  },
  {
    reason: 'State Funeral of Queen Elizabeth II',
    removed: [],
    added: ['2022-09-19'],
  },
  {
    reason: 'Coronation of King Charles III',
    removed: [],
    added: ['2023-05-08'],
  },
];
