import { SANDBOX_CLOCK_STREAM, type SandboxClockMoved } from '@fairtender/domain';
import type { RecordedEvent } from '@fairtender/event-store';

/**
 * How long BullMQ should wait before running a job due at `dueAt`, when the scheduler's clock reads
 * `nowMs`: never negative, so a deadline already past runs at once. NaN when `dueAt` is no date.
 */
export function delayUntil(dueAt: string, nowMs: number): number {
  return Math.max(0, Date.parse(dueAt) - nowMs);
}

/**
 * The offset the sandbox clock was last moved to among `events` (SandboxClockMoved on
 * `sandbox-clock`), or undefined when none of them moved it. The clock only moves forward, so the
 * largest offset is the latest; a replayed older move never takes it back.
 */
export function sandboxOffsetIn(events: readonly RecordedEvent[]): number | undefined {
  let latest: number | undefined;
  for (const event of events) {
    if (event.streamName !== SANDBOX_CLOCK_STREAM || event.type !== 'SandboxClockMoved') continue;
    const offsetMs = (event.data as Partial<SandboxClockMoved['data']> | null)?.offsetMs;
    if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs)) continue;
    latest = latest === undefined ? offsetMs : Math.max(latest, offsetMs);
  }
  return latest;
}
