import { Injectable } from '@nestjs/common';

/**
 * The scheduler's "now": the machine's time plus the sandbox clock's offset (zero in production, where
 * SandboxClockFollower never moves it). Job delays are computed from it, and the deadline jobs decide
 * with it, so a deadline the sandbox clock has passed closes at once (docs/operations.md#sandbox).
 */
@Injectable()
export class SchedulerClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** How far ahead of the machine's time the clock reads. */
  get sandboxOffsetMs(): number {
    return this.offsetMs;
  }

  /** The machine's time at which this clock will read `clockMs`: what BullMQ's timestamps are in. */
  machineTimeOf(clockMs: number): number {
    return clockMs - this.offsetMs;
  }

  /** Follows a move of the sandbox clock; only forward, as the sandbox moves. Says whether it moved. */
  moveTo(offsetMs: number): boolean {
    if (!(offsetMs > this.offsetMs)) return false;
    this.offsetMs = offsetMs;
    return true;
  }
}
