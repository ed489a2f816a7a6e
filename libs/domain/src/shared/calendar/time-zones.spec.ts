import { isKnownTimeZone, localDateAt, startOfLocalDay } from './time-zones';

describe('local dates in a time zone', () => {
  it('reads the London date, one hour ahead of UTC in summer time', () => {
    expect(localDateAt(Date.parse('2026-10-19T22:59:59.999Z'), 'Europe/London')).toBe('2026-10-19');
    expect(localDateAt(Date.parse('2026-10-19T23:00:00.000Z'), 'Europe/London')).toBe('2026-10-20');
  });

  it('finds London midnight: 23:00Z in summer time, 00:00Z in winter', () => {
    expect(new Date(startOfLocalDay('2026-10-15', 'Europe/London')).toISOString()).toBe(
      '2026-10-14T23:00:00.000Z',
    );
    expect(new Date(startOfLocalDay('2026-10-30', 'Europe/London')).toISOString()).toBe(
      '2026-10-30T00:00:00.000Z',
    );
  });

  it('finds the first instant of a day whose midnight a summer-time change skips', () => {
    // Chile moved its clocks from 00:00 to 01:00 on 8 September 2024.
    expect(new Date(startOfLocalDay('2024-09-08', 'America/Santiago')).toISOString()).toBe(
      '2024-09-08T04:00:00.000Z',
    );
  });

  it.each(['Europe/Brussels', 'Europe/Dublin', 'UTC'])('knows %s', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(true);
  });

  it.each(['Europe/Brusels', 'CET+1', '', undefined])('does not know %p', (zone) => {
    expect(isKnownTimeZone(zone)).toBe(false);
  });
});
