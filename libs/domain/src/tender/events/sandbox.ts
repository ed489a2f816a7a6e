import type { DomainEvent } from '../../shared/domain-event';

/**
 * The sandbox clock moved forward (never in production). Commands after it read `to` plus the time
 * since as "now", so a replay shows why a deadline passed minutes after publication: `movedAt` is
 * the machine's real time, `from` and `to` the clock's reading before and after.
 */
export type SandboxClockMoved = DomainEvent<
  'SandboxClockMoved',
  { movedAt: string; from: string; to: string; offsetMs: number }
>;
export type SandboxEvent = SandboxClockMoved;
/**
 * Its schema version. A platform event on its own stream, never folded into a tender, so it stays out
 * of the tender's EVENT_VERSIONS registry; bump it only with an upcaster, like any stored event.
 */
export const SANDBOX_CLOCK_MOVED_VERSION = 1;
