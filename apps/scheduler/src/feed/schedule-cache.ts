import { parseTenderStream } from '@fairtender/domain';
import type { RecordedEvent } from '@fairtender/event-store';
import {
  evolveSchedule,
  initialSchedule,
  SCHEDULE_EVENTS,
  type TenderSchedule,
} from '../deadlines/deadline-schedule';
import { toTenderEvent } from '../deadlines/tender-loader';

interface Entry {
  schedule: TenderSchedule;
  /** The last revision of the tender stream folded in. */
  revision: number;
}

export interface Observed {
  /** Tenders whose jobs may have changed. */
  touched: Set<string>;
  /** Tenders the cache cannot vouch for (first seen mid-stream, or a gap): read their stream. */
  unknown: Set<string>;
}

/**
 * Every tender's schedule as the feed last saw it, so that planning a batch needs no read of the
 * event store: seeded by the start-up reconciliation (which folds every tender anyway) and kept up
 * to date by the feed, event by event, in stream order. An event already folded (a batch handed over
 * again) is skipped by its revision; a tender first met mid-stream, or after a gap, is read from the
 * store instead, so the cache is an optimisation that can never make a plan wrong.
 */
export class ScheduleCache {
  private readonly entries = new Map<string, Entry>();

  get size(): number {
    return this.entries.size;
  }

  /** Folds one event of a tender stream seen by the reconciliation (whole streams, in order). */
  seed(recorded: RecordedEvent, tenderId: string): void {
    const entry = this.entries.get(tenderId) ?? { schedule: initialSchedule(), revision: -1 };
    if (recorded.revision !== entry.revision + 1) return;
    this.entries.set(tenderId, this.fold(entry, recorded));
  }

  /** Folds a batch; says which tenders to plan, and which of those to read first. */
  observe(events: readonly RecordedEvent[]): Observed {
    const touched = new Set<string>();
    const stale = new Set<string>();
    for (const recorded of events) {
      const stream = parseTenderStream(recorded.streamName);
      if (stream?.kind !== 'tender') continue;
      const { tenderId } = stream;
      if (SCHEDULE_EVENTS.has(recorded.type)) touched.add(tenderId);
      if (stale.has(tenderId)) continue;
      const entry = this.entries.get(tenderId);
      if (entry && recorded.revision <= entry.revision) continue;
      if (entry && recorded.revision === entry.revision + 1) {
        this.entries.set(tenderId, this.fold(entry, recorded));
      } else if (!entry && recorded.revision === 0) {
        const fresh = { schedule: initialSchedule(), revision: -1 };
        this.entries.set(tenderId, this.fold(fresh, recorded));
      } else {
        this.entries.delete(tenderId);
        stale.add(tenderId);
      }
    }
    // Read only where something may need scheduling; the rest waits for its next scheduling event.
    const unknown = new Set([...stale].filter((tenderId) => touched.has(tenderId)));
    return { touched, unknown };
  }

  /** The tender as read from its stream now. */
  set(tenderId: string, schedule: TenderSchedule, revision: number): void {
    this.entries.set(tenderId, { schedule, revision });
  }

  get(tenderId: string): TenderSchedule | undefined {
    return this.entries.get(tenderId)?.schedule;
  }

  /** A tender nothing will ever be scheduled for again. */
  forget(tenderId: string): void {
    this.entries.delete(tenderId);
  }

  private fold(entry: Entry, recorded: RecordedEvent): Entry {
    const schedule = SCHEDULE_EVENTS.has(recorded.type)
      ? evolveSchedule(entry.schedule, toTenderEvent(recorded))
      : entry.schedule;
    return { schedule, revision: recorded.revision };
  }
}
