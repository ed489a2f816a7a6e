import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import { SANDBOX_CLOCK_STREAM } from '@fairtender/domain';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@fairtender/event-store';
import { DeadlineJobs } from '../deadlines/deadline-jobs';
import { sandboxOffsetIn } from './sandbox-time';
import { SchedulerClock } from './scheduler-clock';

/**
 * Outside production the scheduler keeps the api's sandbox clock (docs/operations.md#sandbox): at
 * start-up it reads the last SandboxClockMoved of `sandbox-clock`, and the feed hands it every later
 * move. Each time the clock moves forward, the delayed deadline jobs are retimed to it: those now
 * past run at once, the rest when the clock reads their deadline. With NODE_ENV=production the
 * stream is neither read nor followed: the clock is the machine's.
 */
@Injectable()
export class SandboxClockFollower {
  private readonly logger = new Logger('Sandbox');
  /** The offset the delayed jobs were last retimed to; behind the clock while a retiming failed. */
  private retimedForMs = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: SchedulerClock,
    private readonly jobs: DeadlineJobs,
    private readonly config: AppConfig,
  ) {}

  private get follows(): boolean {
    return this.config.nodeEnv !== 'production';
  }

  /** At start-up, before the jobs are rebuilt: the clock as the last move left it. */
  async resume(): Promise<void> {
    if (!this.follows) return;
    const [last] = await this.store.readStream(SANDBOX_CLOCK_STREAM, {
      direction: 'backwards',
      maxCount: 1,
    });
    const offsetMs = last && sandboxOffsetIn([last]);
    if (offsetMs !== undefined) this.clock.moveTo(offsetMs);
    await this.retimeIfMoved();
  }

  /** A batch of the feed: follows the moves in it, if any. Safe to hand the same batch over again. */
  async observe(events: readonly RecordedEvent[]): Promise<void> {
    if (!this.follows) return;
    const offsetMs = sandboxOffsetIn(events);
    if (offsetMs !== undefined) this.clock.moveTo(offsetMs);
    await this.retimeIfMoved();
  }

  private async retimeIfMoved(): Promise<void> {
    const offsetMs = this.clock.sandboxOffsetMs;
    if (offsetMs <= this.retimedForMs) return;
    const { promoted, delayed } = await this.jobs.retimeDelayed();
    this.retimedForMs = offsetMs;
    this.logger.log(
      `clock ${Math.round(offsetMs / 1000)} s ahead of real time (${SANDBOX_CLOCK_STREAM}); delayed deadline jobs: ${promoted} due, run at once, ${delayed} retimed`,
    );
  }
}
