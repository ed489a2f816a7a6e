import type { RecordedEvent } from '@fairtender/event-store';
import { delayUntil, sandboxOffsetIn } from './sandbox-time';
import { SchedulerClock } from './scheduler-clock';

const DAY = 24 * 3600 * 1000;

function recorded(streamName: string, type: string, data: unknown): RecordedEvent {
  return {
    eventId: `${streamName}-${type}`,
    type,
    version: 1,
    streamName,
    revision: 0,
    position: { commit: 1n, prepare: 1n },
    data,
    metadata: {},
    recordedAt: new Date(),
    previousHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
}

const moved = (offsetMs: unknown) =>
  recorded('sandbox-clock', 'SandboxClockMoved', {
    movedAt: '2026-01-01T00:00:00.000Z',
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-01-11T00:00:00.000Z',
    offsetMs,
  });

describe('delays from the scheduler clock', () => {
  const now = Date.parse('2026-03-01T12:00:00.000Z');

  it('is the time from the clock to the deadline, or nothing once the clock has passed it', () => {
    expect(delayUntil('2026-03-11T12:00:00.000Z', now)).toBe(10 * DAY);
    expect(delayUntil('2026-03-01T12:00:00.000Z', now)).toBe(0);
    expect(delayUntil('2026-02-01T12:00:00.000Z', now)).toBe(0);
    expect(delayUntil('not a date', now)).toBeNaN();
  });

  it('a deadline 10 days away is due at once on a clock moved 11 days ahead', () => {
    const clock = new SchedulerClock();
    const dueAt = new Date(Date.now() + 10 * DAY).toISOString();
    expect(delayUntil(dueAt, clock.nowMs())).toBeGreaterThan(10 * DAY - 60_000);
    clock.moveTo(11 * DAY);
    expect(delayUntil(dueAt, clock.nowMs())).toBe(0);
    clock.moveTo(12 * DAY);
    expect(delayUntil(new Date(Date.now() + 13 * DAY).toISOString(), clock.nowMs())).toBeLessThan(
      DAY + 1000,
    );
  });
});

describe('the scheduler clock', () => {
  it('reads real time until moved, then real time plus the offset; forward only', () => {
    const clock = new SchedulerClock();
    expect(Math.abs(clock.nowMs() - Date.now())).toBeLessThan(50);
    expect(clock.moveTo(3 * DAY)).toBe(true);
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(3 * DAY - 50);
    expect(clock.moveTo(DAY)).toBe(false);
    expect(clock.moveTo(3 * DAY)).toBe(false);
    expect(clock.sandboxOffsetMs).toBe(3 * DAY);
  });

  it("gives the machine's time at which it will read a moment (BullMQ's timestamps)", () => {
    const clock = new SchedulerClock();
    clock.moveTo(DAY);
    expect(clock.machineTimeOf(Date.parse('2026-03-02T00:00:00.000Z'))).toBe(
      Date.parse('2026-03-01T00:00:00.000Z'),
    );
  });
});

describe('the sandbox offset in a batch of events', () => {
  it('is the largest SandboxClockMoved offset on sandbox-clock, whatever their order', () => {
    expect(sandboxOffsetIn([moved(5 * DAY), moved(11 * DAY), moved(7 * DAY)])).toBe(11 * DAY);
  });

  it('is undefined when nothing moved the clock: other streams, other types, malformed data', () => {
    expect(sandboxOffsetIn([])).toBeUndefined();
    expect(
      sandboxOffsetIn([
        recorded('tender-1', 'SandboxClockMoved', { offsetMs: DAY }),
        recorded('sandbox-clock', 'SomethingElse', { offsetMs: DAY }),
        moved('a day'),
        moved(Number.POSITIVE_INFINITY),
        recorded('sandbox-clock', 'SandboxClockMoved', null),
      ]),
    ).toBeUndefined();
  });
});
