import { isIsoInstant, isoAt, toMs } from './time';

describe('ISO instants', () => {
  it.each([
    '2025-03-31T12:00:00.000Z',
    '2025-03-31T12:00:00Z',
    '2025-03-31T12:00Z',
    '2025-03-31T12:00:00+01:00',
    '2024-02-29T00:00:00Z',
    '2025-12-31T23:59:59.999999Z',
  ])('accepts %s', (value) => {
    expect(isIsoInstant(value)).toBe(true);
  });

  it.each([
    '2025-02-29T00:00:00Z',
    '2025-04-31T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-01-01T24:00:00Z',
    '2025-01-01T12:60:00Z',
    '2025-01-01T12:00:00',
    '2025-01-01',
    'Mon, 31 Mar 2025 12:00:00 GMT',
    '',
    1743422400000,
    null,
  ])('refuses %p', (value) => {
    expect(isIsoInstant(value)).toBe(false);
  });

  it('converts between ISO and milliseconds', () => {
    expect(toMs('2025-03-31T13:00:00+01:00')).toBe(Date.UTC(2025, 2, 31, 12));
    expect(isoAt(Date.UTC(2025, 2, 31, 12))).toBe('2025-03-31T12:00:00.000Z');
  });
});
