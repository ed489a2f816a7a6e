import {
  DEFAULT_STANDSTILL_RULES,
  standstillPeriod,
  type StandstillPeriod,
  type StandstillRules,
} from './standstill';

const uk = (notifiedAt: string, rules: StandstillRules = DEFAULT_STANDSTILL_RULES) =>
  standstillPeriod('uk-pa-2023', new Date(notifiedAt), rules);
const eu = (notifiedAt: string, rules: Partial<StandstillRules> = {}) =>
  standstillPeriod('eu-remedies', new Date(notifiedAt), { ...DEFAULT_STANDSTILL_RULES, ...rules });

const days = (month: string, list: number[]) =>
  list.map((day) => `${month}-${String(day).padStart(2, '0')}`);
const shape = ({ countedDays, endsAt }: StandstillPeriod) => ({ countedDays, endsAt });

describe('UK standstill: Procurement Act 2023 s.51', () => {
  it("counts eight working days from publication, skipping St Andrew's Day, to London midnight", () => {
    expect(uk('2026-11-23T10:00:00.000Z')).toEqual({
      jurisdiction: 'uk-pa-2023',
      startsAt: '2026-11-23T10:00:00.000Z',
      endsAt: '2026-12-04T00:00:00.000Z',
      countedDays: [...days('2026-11', [23, 24, 25, 26, 27]), ...days('2026-12', [1, 2, 3])],
      basis: expect.stringContaining('Procurement Act 2023 s.51'),
    });
  });

  it('a notice published on a Saturday starts counting on Monday; the period still starts at publication', () => {
    const period = uk('2026-11-21T09:30:00.000Z');
    expect(period.startsAt).toBe('2026-11-21T09:30:00.000Z');
    expect(period.countedDays[0]).toBe('2026-11-23');
    expect(period.endsAt).toBe('2026-12-04T00:00:00.000Z');
  });

  it('a notice published late on a working day counts that day', () => {
    expect(uk('2026-11-24T23:59:00.000Z').countedDays[0]).toBe('2026-11-24');
  });

  it('skips Christmas Day, the Boxing Day substitute, New Year and the Scottish 2 January substitute', () => {
    expect(shape(uk('2026-12-21T12:00:00.000Z'))).toEqual({
      countedDays: [...days('2026-12', [21, 22, 23, 24, 29, 30, 31]), '2027-01-05'],
      endsAt: '2027-01-06T00:00:00.000Z',
    });
  });

  it('counts in London dates: 23:30Z on a Monday in summer time is already Tuesday', () => {
    expect(uk('2026-10-19T23:30:00.000Z').countedDays[0]).toBe('2026-10-20');
  });

  it('ends at London midnight in summer time (23:00Z)', () => {
    expect(shape(uk('2026-10-05T10:00:00.000Z'))).toEqual({
      countedDays: [...days('2026-10', [5, 6, 7, 8, 9, 12, 13, 14])],
      endsAt: '2026-10-14T23:00:00.000Z',
    });
  });

  it('ends at London midnight in winter (00:00Z) when the period crosses the end of summer time', () => {
    expect(shape(uk('2026-10-20T10:00:00.000Z'))).toEqual({
      countedDays: [...days('2026-10', [20, 21, 22, 23, 26, 27, 28, 29])],
      endsAt: '2026-10-30T00:00:00.000Z',
    });
  });

  it('skips a configured one-off bank holiday', () => {
    const rules = { ...DEFAULT_STANDSTILL_RULES, ukExtraBankHolidays: ['2026-11-25'] };
    expect(uk('2026-11-23T10:00:00.000Z', rules).endsAt).toBe('2026-12-05T00:00:00.000Z');
  });
});

describe('EU standstill: Directive 89/665/EEC Art. 2a(2), electronic notification', () => {
  it('counts ten calendar days from the day after notification, to Brussels midnight', () => {
    expect(eu('2026-11-23T10:00:00.000Z')).toEqual({
      jurisdiction: 'eu-remedies',
      startsAt: '2026-11-23T10:00:00.000Z',
      endsAt: '2026-12-03T23:00:00.000Z',
      countedDays: [
        ...days('2026-11', [24, 25, 26, 27, 28, 29, 30]),
        ...days('2026-12', [1, 2, 3]),
      ],
      basis: expect.stringContaining('Directive 89/665/EEC Art. 2a(2)'),
    });
  });

  it('counts in the configured zone: 23:30Z is already the next day in Brussels', () => {
    expect(eu('2026-11-23T23:30:00.000Z').countedDays[0]).toBe('2026-11-25');
  });

  it('ends at midnight of the configured zone', () => {
    expect(eu('2026-11-23T10:00:00.000Z', { euTimeZone: 'Europe/Helsinki' }).endsAt).toBe(
      '2026-12-03T22:00:00.000Z',
    );
  });

  it('ends at Brussels midnight in summer time (22:00Z)', () => {
    expect(eu('2026-10-05T10:00:00.000Z').endsAt).toBe('2026-10-15T22:00:00.000Z');
  });

  it('a tenth day on a Sunday extends to the end of Monday (Regulation 1182/71 Art. 3(4))', () => {
    const period = eu('2026-11-05T10:00:00.000Z');
    expect(shape(period)).toEqual({
      countedDays: days('2026-11', [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]),
      endsAt: '2026-11-16T23:00:00.000Z',
    });
    expect(period.basis).toContain('1182/71 Art. 3(4)');
  });

  it('a tenth day on a Saturday extends over Sunday to the end of Monday', () => {
    expect(shape(eu('2026-11-04T10:00:00.000Z'))).toEqual({
      countedDays: days('2026-11', [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]),
      endsAt: '2026-11-16T23:00:00.000Z',
    });
  });

  it('a tenth day on a public holiday extends to the next working day', () => {
    const holiday = { euPublicHolidays: ['2026-11-11'] };
    expect(eu('2026-11-01T10:00:00.000Z', holiday).endsAt).toBe('2026-11-12T23:00:00.000Z');
    expect(eu('2026-11-01T10:00:00.000Z').endsAt).toBe('2026-11-11T23:00:00.000Z');
  });

  it('a public holiday followed by a weekend extends to Monday', () => {
    expect(eu('2026-12-15T10:00:00.000Z', { euPublicHolidays: ['2026-12-25'] }).endsAt).toBe(
      '2026-12-28T23:00:00.000Z',
    );
  });

  it('a public holiday inside the period does not extend it', () => {
    const period = eu('2026-11-01T10:00:00.000Z', { euPublicHolidays: ['2026-11-05'] });
    expect(period.endsAt).toBe('2026-11-11T23:00:00.000Z');
    expect(period.countedDays).toHaveLength(10);
    expect(period.basis).not.toContain('1182/71');
  });
});

describe('standstill input checks', () => {
  it('refuses invalid rules with a plain Error', () => {
    expect(() => eu('2026-11-23T10:00:00.000Z', { euTimeZone: 'Europe/Brusels' })).toThrow(
      'Invalid standstill rules: euTimeZone "Europe/Brusels" is not a known IANA time zone',
    );
  });

  it('refuses an invalid notification date', () => {
    expect(() => uk('not a date')).toThrow('Standstill needs a valid notification date');
  });
});
