import type { SqlQueryable } from '@fairtender/event-store';
import type { ProjectedEvent } from './projected-event';

/**
 * A read model's share of a batch's working set: created empty per batch, loaded once with the rows
 * the batch's events touch, written back once. `name` says what it is in error messages.
 */
export interface RowsSlice<Rows> {
  readonly name: string;
  create(): Rows;
  load?(rows: Rows, tx: SqlQueryable, events: readonly ProjectedEvent[]): Promise<void>;
  /** Writes the changed rows; returns how many. */
  flush(rows: Rows, tx: SqlQueryable): Promise<number>;
}
