import type { Projection, RowsSlice } from '../runner/projection';
import { AssignmentRows } from './assignment-rows';

export const ASSIGNMENT_ROWS: RowsSlice<AssignmentRows> = {
  name: 'assignments',
  create: () => new AssignmentRows(),
  load: (rows, tx, events) => rows.load(tx, events),
  flush: (rows, tx) => rows.flush(tx),
};

/**
 * Each evaluator's seat on each panel and what it still has to score (`evaluatorWorkload`). Its own
 * checkpoint group: it reads no other read model's rows.
 */
export const assignmentsProjection: Projection = {
  name: 'assignments',
  group: 'assignments',
  slices: [ASSIGNMENT_ROWS],
  apply: (rows, event) => rows.of(ASSIGNMENT_ROWS).apply(event),
  settle: (rows) => rows.of(ASSIGNMENT_ROWS).settle(),
};
