import type { ProjectedEvent } from './projected-event';
import type { RowsSlice } from './rows-slice';
import type { WorkingSet } from './working-set';

export type { RowsSlice } from './rows-slice';

/**
 * A read model: evolves its table's rows in the batch's working set, one event at a time. Pure apart
 * from the working set, and deterministic: rows depend on the events only, never on the clock.
 */
export interface Projection {
  name: string;
  /**
   * Its checkpoint group (its own name when omitted): a group's projections move one checkpoint, so
   * those that read each other's rows (bids read tenders) belong to one group.
   */
  group?: string;
  /** The working-set slices it reads or writes (its own, and any it reads, e.g. bids read tenders). */
  slices?: readonly RowsSlice<unknown>[];
  apply(rows: WorkingSet, event: ProjectedEvent): void;
  /** Once per batch, after every event was applied: for work that must not run per event. */
  settle?(rows: WorkingSet): void;
}

/** The slices of these projections, each once, in the projections' order. */
export function slicesOf(projections: readonly Projection[]): RowsSlice<unknown>[] {
  return [...new Set(projections.flatMap((p) => p.slices ?? []))];
}
