import {
  DEFAULT_CHANGE_THRESHOLDS,
  DEFAULT_CONTRACT_RULES,
  DEFAULT_STANDSTILL_RULES,
} from '@fairtender/domain';
import { loadConfig } from './app-config';
import { expectRefused } from './testing/refused-environment';

describe('standstill and contract-change configuration', () => {
  it('defaults to the built-in calendars and the domain thresholds', () => {
    const config = loadConfig({});
    expect(config.standstill).toEqual({
      ukExtraBankHolidays: [...DEFAULT_STANDSTILL_RULES.ukExtraBankHolidays],
      ukRemovedBankHolidays: [...DEFAULT_STANDSTILL_RULES.ukRemovedBankHolidays],
      euTimeZone: 'Europe/Brussels',
      euPublicHolidays: [],
    });
    expect(config.contractChanges).toEqual(DEFAULT_CHANGE_THRESHOLDS);
  });

  it('adds configured UK dates to the built-in one-offs and reads the EU calendar', () => {
    const config = loadConfig({
      STANDSTILL_UK_EXTRA_BANK_HOLIDAYS: '2026-06-12, 2026-06-15',
      STANDSTILL_UK_REMOVED_BANK_HOLIDAYS: '2026-05-04',
      STANDSTILL_EU_TIME_ZONE: 'Europe/Paris',
      STANDSTILL_EU_PUBLIC_HOLIDAYS: '2026-07-14,2026-08-15',
      CONTRACT_CHANGE_MAX_CHANGES: '3',
      CONTRACT_CHANGE_MAX_ADDED_VALUE_PERCENT: '12.5',
      CONTRACT_CHANGE_MAX_ADDED_MONTHS: '0',
    });
    expect(config.standstill.ukExtraBankHolidays).toEqual(
      expect.arrayContaining(['2023-05-08', '2026-06-12', '2026-06-15']),
    );
    expect(config.standstill.ukRemovedBankHolidays).toEqual(
      expect.arrayContaining(['2020-05-04', '2026-05-04']),
    );
    expect(config.standstill.euTimeZone).toBe('Europe/Paris');
    expect(config.standstill.euPublicHolidays).toEqual(['2026-07-14', '2026-08-15']);
    expect(config.contractChanges).toEqual({
      maxChanges: 3,
      maxAddedValuePercent: 12.5,
      maxAddedMonths: 0,
    });
  });

  it.each([
    [{ STANDSTILL_UK_EXTRA_BANK_HOLIDAYS: '2026-02-30' }, 'STANDSTILL_UK_EXTRA_BANK_HOLIDAYS'],
    [{ STANDSTILL_UK_REMOVED_BANK_HOLIDAYS: '2026-05-05' }, 'not a bank holiday'],
    [
      {
        STANDSTILL_UK_EXTRA_BANK_HOLIDAYS: '2026-05-04',
        STANDSTILL_UK_REMOVED_BANK_HOLIDAYS: '2026-05-04',
      },
      'both',
    ],
    [{ STANDSTILL_EU_TIME_ZONE: 'Mars/Olympus_Mons' }, 'STANDSTILL_EU_TIME_ZONE'],
    [{ STANDSTILL_EU_PUBLIC_HOLIDAYS: 'Bastille Day' }, 'STANDSTILL_EU_PUBLIC_HOLIDAYS'],
    [{ CONTRACT_CHANGE_MAX_CHANGES: '-1' }, 'CONTRACT_CHANGE_MAX_CHANGES'],
    [{ CONTRACT_CHANGE_MAX_ADDED_VALUE_PERCENT: 'ten' }, 'CONTRACT_CHANGE_MAX_ADDED_VALUE_PERCENT'],
    [{ CONTRACT_CHANGE_MAX_ADDED_MONTHS: '1.5' }, 'CONTRACT_CHANGE_MAX_ADDED_MONTHS'],
  ])('refuses %o, naming the problem', (env, expected) => expectRefused(env, expected));
});

describe('contract rules (issue 15)', () => {
  it('defaults to the Act’s £5m and 30 days of grace; both configurable', () => {
    expect(loadConfig({}).contracts).toEqual(DEFAULT_CONTRACT_RULES);
    expect(
      loadConfig({ CONTRACT_KPI_VALUE_THRESHOLD: '1000000', CONTRACT_ASSESSMENT_GRACE_DAYS: '10' })
        .contracts,
    ).toEqual({ kpiValueThreshold: 1_000_000, assessmentGraceDays: 10 });
    expectRefused({ CONTRACT_ASSESSMENT_GRACE_DAYS: '-1' }, 'CONTRACT_ASSESSMENT_GRACE_DAYS');
  });
});
