import { Logger } from '@nestjs/common';
import type { AppConfig } from '@fairtender/config';
import type { EventStore, ReadStreamOptions, RecordedEvent } from '@fairtender/event-store';
import type { DeadlineJobs } from '../deadlines/deadline-jobs';
import { SandboxClockFollower } from './sandbox-clock-follower';
import { SchedulerClock } from './scheduler-clock';

const DAY = 24 * 3600 * 1000;

const moved = (offsetMs: number): RecordedEvent => ({
  eventId: `move-${offsetMs}`,
  type: 'SandboxClockMoved',
  version: 1,
  streamName: 'sandbox-clock',
  revision: 0,
  position: { commit: 1n, prepare: 1n },
  data: { movedAt: '', from: '', to: '', offsetMs },
  metadata: {},
  recordedAt: new Date(),
  previousHash: '0'.repeat(64),
  hash: '0'.repeat(64),
});

/** A follower on a store whose `sandbox-clock` holds `moves`, and jobs that record each retiming. */
function follower(nodeEnv: string, moves: RecordedEvent[] = []) {
  const reads: { stream: string; options?: ReadStreamOptions }[] = [];
  const store = {
    readStream: async (stream: string, options?: ReadStreamOptions) => {
      reads.push({ stream, options });
      return options?.direction === 'backwards' ? moves.slice(-1) : moves;
    },
  } as unknown as EventStore;
  const clock = new SchedulerClock();
  const retimings: number[] = [];
  let failNext = false;
  const jobs = {
    retimeDelayed: async () => {
      if (failNext) {
        failNext = false;
        throw new Error('Redis away');
      }
      retimings.push(clock.sandboxOffsetMs);
      return { promoted: 1, delayed: 0 };
    },
  } as unknown as DeadlineJobs;
  const subject = new SandboxClockFollower(store, clock, jobs, { nodeEnv } as AppConfig);
  return { subject, clock, reads, retimings, failOnce: () => (failNext = true) };
}

describe('the scheduler follows the sandbox clock', () => {
  beforeAll(() => Logger.overrideLogger(false));
  it("at start-up, takes the stream's last offset and retimes the delayed jobs to it", async () => {
    const { subject, clock, reads, retimings } = follower('development', [
      moved(DAY),
      moved(11 * DAY),
    ]);
    await subject.resume();
    expect(reads).toEqual([
      { stream: 'sandbox-clock', options: { direction: 'backwards', maxCount: 1 } },
    ]);
    expect(clock.sandboxOffsetMs).toBe(11 * DAY);
    expect(retimings).toEqual([11 * DAY]);
  });

  it('with no move recorded, keeps real time and retimes nothing', async () => {
    const { subject, clock, retimings } = follower('development');
    await subject.resume();
    await subject.observe([]);
    expect(clock.sandboxOffsetMs).toBe(0);
    expect(retimings).toEqual([]);
  });

  it('follows each later move the feed hands it, once, and never back', async () => {
    const { subject, clock, retimings } = follower('test');
    await subject.observe([moved(2 * DAY)]);
    await subject.observe([moved(2 * DAY)]); // the same batch handed over again
    await subject.observe([moved(DAY)]); // an older move, replayed
    await subject.observe([moved(5 * DAY), moved(3 * DAY)]);
    expect(clock.sandboxOffsetMs).toBe(5 * DAY);
    expect(retimings).toEqual([2 * DAY, 5 * DAY]);
  });

  it('retimes again when the batch is handed over after a failed retiming', async () => {
    const { subject, retimings, failOnce } = follower('development');
    failOnce();
    await expect(subject.observe([moved(DAY)])).rejects.toThrow('Redis away');
    await subject.observe([moved(DAY)]);
    expect(retimings).toEqual([DAY]);
  });

  it('in production neither reads nor follows the stream: the clock is the machine’s', async () => {
    const { subject, clock, reads, retimings } = follower('production', [moved(11 * DAY)]);
    await subject.resume();
    await subject.observe([moved(11 * DAY)]);
    expect(reads).toEqual([]);
    expect(clock.sandboxOffsetMs).toBe(0);
    expect(retimings).toEqual([]);
  });
});
