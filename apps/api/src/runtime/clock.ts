import { Injectable } from '@nestjs/common';

/**
 * The server's clock: the only source of "now" for commands (receipt times, deadlines). Tests and
 * benchmarks replace it to move time forward instead of waiting days for a deadline; outside
 * production the sandbox moves it forward too (`POST /sandbox/clock`, each move an event).
 */
@Injectable()
export class Clock {
  private sandboxOffsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.sandboxOffsetMs);
  }

  /** How far ahead of the machine's time the clock reads (the sandbox's moves, summed). */
  sandboxOffsetMsNow(): number {
    return this.sandboxOffsetMs;
  }

  /** Only the sandbox calls this, and never in production (SandboxClock refuses there). */
  setSandboxOffset(offsetMs: number): void {
    this.sandboxOffsetMs = offsetMs;
  }
}
