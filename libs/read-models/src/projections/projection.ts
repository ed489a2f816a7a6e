import type { ProjectedEvent } from './projected-event';
import type { WorkingSet } from './working-set';

/**
 * A read model: evolves its table's rows in the batch's working set, one event at a time. Pure apart
 * from the working set, and deterministic: rows depend on the events only, never on the clock.
 */
export interface Projection {
  name: string;
  apply(rows: WorkingSet, event: ProjectedEvent): void;
  /** Once per batch, after every event was applied: for work that must not run per event. */
  settle?(rows: WorkingSet): void;
}
