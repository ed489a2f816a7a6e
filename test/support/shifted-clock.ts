import { Clock } from '../../apps/api/src/runtime/clock';

/**
 * The server clock, running in real time but shifted: tests reach a deadline days away in an instant.
 * A move of the sandbox clock (`POST /sandbox/clock`) counts too, on top of the test's shift.
 */
export class ShiftedClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs + this.sandboxOffsetMsNow());
  }

  /** Moves the clock so that it now reads `instant`. */
  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now() - this.sandboxOffsetMsNow();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
