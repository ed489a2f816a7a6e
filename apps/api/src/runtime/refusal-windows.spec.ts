import { RefusalWindows } from './refusal-windows';

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 2, 12, 0, seconds));

describe('RefusalWindows: repeated refusals counted, not recorded one by one', () => {
  it('records the first refusal of an attempt and counts the rest of its window', () => {
    const windows = new RefusalWindows<string>(60_000);
    expect(windows.admit('a', at(0), 'ctx').verdict).toBe('record');
    expect(windows.admit('a', at(1), 'ctx').verdict).toBe('count');
    expect(windows.admit('a', at(59), 'ctx').verdict).toBe('count');
    expect(windows.admit('b', at(2), 'other').verdict).toBe('record');
  });

  it('hands a window back with its count when the attempt comes again after it', () => {
    const windows = new RefusalWindows<string>(60_000);
    windows.admit('a', at(0), 'ctx');
    for (let s = 1; s <= 199; s++) windows.admit('a', at(1 + ((s - 1) % 59)), 'ctx');
    const again = windows.admit('a', at(60), 'ctx');
    expect(again.verdict).toBe('record');
    expect(again.closed).toEqual([
      expect.objectContaining({ key: 'a', repeats: 199, startedAt: at(0), firstRepeatAt: at(1) }),
    ]);
  });

  it('closes ended windows on the timer, forgetting those without repeats', () => {
    const windows = new RefusalWindows<string>(60_000);
    windows.admit('a', at(0), 'ctx');
    windows.admit('a', at(5), 'ctx');
    windows.admit('b', at(0), 'ctx');
    expect(windows.closeEnded(at(59))).toEqual([]);
    expect(windows.closeEnded(at(60)).map((w) => [w.key, w.repeats])).toEqual([['a', 1]]);
    expect(windows.size).toBe(0);
    expect(windows.admit('a', at(61), 'ctx').verdict).toBe('record');
  });

  it('stays bounded: past its limit every open window is closed', () => {
    const windows = new RefusalWindows<string>(60_000, 2);
    windows.admit('a', at(0), 'ctx');
    windows.admit('a', at(1), 'ctx');
    windows.admit('b', at(0), 'ctx');
    const third = windows.admit('c', at(2), 'ctx');
    expect(third.closed.map((w) => w.key)).toEqual(['a']);
    expect(windows.size).toBe(1);
  });

  it('closes everything at shutdown', () => {
    const windows = new RefusalWindows<string>(60_000);
    windows.admit('a', at(0), 'ctx');
    windows.admit('a', at(1), 'ctx');
    expect(windows.closeAll().map((w) => w.repeats)).toEqual([1]);
  });
});
