import type { RecordedEvent } from './port';

/**
 * Events received from a subscription and not yet handled (projected, scheduled). Bounded: when it is
 * full the reader waits, so a catch-up over millions of events holds at most `capacity` in memory.
 * `take` hands over whatever is there (up to `max`): event by event when live, in batches in a catch-up.
 */
export class EventBuffer {
  private events: RecordedEvent[] = [];
  private wakeTaker?: () => void;
  private wakePusher?: () => void;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.events.length;
  }

  get oldest(): RecordedEvent | undefined {
    return this.events[0];
  }

  /** Resolves once the event is in (or the signal aborted, in which case it is dropped). */
  async push(event: RecordedEvent, signal: AbortSignal): Promise<void> {
    while (this.events.length >= this.capacity && !signal.aborted) {
      await waitFor((wake) => (this.wakePusher = wake), signal);
    }
    if (signal.aborted) return;
    this.events.push(event);
    this.wakeTaker?.();
  }

  /** Up to `max` events in order, waiting for at least one; empty once the signal aborts. */
  async take(max: number, signal: AbortSignal): Promise<RecordedEvent[]> {
    while (this.events.length === 0 && !signal.aborted) {
      await waitFor((wake) => (this.wakeTaker = wake), signal);
    }
    if (signal.aborted) return [];
    const taken = this.events.splice(0, max);
    this.wakePusher?.();
    return taken;
  }
}

function waitFor(register: (wake: () => void) => void, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    register(done);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
