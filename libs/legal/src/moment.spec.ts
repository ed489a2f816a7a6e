import { isAtOrBefore, parseMoment } from './moment';

describe('moments', () => {
  it('reads a position or an ISO instant, and nothing else', () => {
    expect(parseMoment('12-3')).toEqual({
      kind: 'position',
      position: { commit: 12n, prepare: 3n },
    });
    expect(parseMoment('2025-03-31T12:00:00+01:00')).toEqual({
      kind: 'time',
      at: '2025-03-31T12:00:00+01:00',
      ms: Date.UTC(2025, 2, 31, 11),
    });
    for (const bad of ['yesterday', '2025-02-30T00:00:00Z', '2025-03-31', '12-', '-1-2', '']) {
      expect(() => parseMoment(bad, 'from')).toThrow(
        expect.objectContaining({
          code: 'INVALID_MOMENT',
          details: { parameter: 'from', value: bad },
        }),
      );
    }
  });

  it('includes an event at or before the moment', () => {
    const event = {
      position: { commit: 5n, prepare: 2n },
      recordedAt: new Date('2025-03-31T12:00:00Z'),
    };
    expect(isAtOrBefore(event, parseMoment('5-2'))).toBe(true);
    expect(isAtOrBefore(event, parseMoment('5-1'))).toBe(false);
    expect(isAtOrBefore(event, parseMoment('2025-03-31T12:00:00Z'))).toBe(true);
    expect(isAtOrBefore(event, parseMoment('2025-03-31T11:59:59.999Z'))).toBe(false);
  });
});
