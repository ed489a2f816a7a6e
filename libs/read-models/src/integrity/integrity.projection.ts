import { DEFAULT_INTEGRITY_THRESHOLDS, type IntegrityThresholds } from '@fairtender/domain';
import type { Projection, RowsSlice } from '../runner/projection';
import { IntegrityRows } from './integrity-rows';

/** Competition integrity: each touched tender's state; reports and flags when the batch settles. */
export const INTEGRITY_ROWS: RowsSlice<IntegrityRows> = {
  name: 'integrity',
  create: () => new IntegrityRows(),
  load: (rows, tx, events) => rows.load(tx, events),
  flush: (rows, tx) => rows.flush(tx),
};

/**
 * Competition integrity (docs/integrity.md): per tender, the report `integrityReport` computes from the tender
 * view, and its red flags, one row each. Events are folded one by one; reports are computed once per
 * batch, when it settles. The thresholds are configuration: a rebuild must use the same ones.
 */
export function integrityProjection(
  thresholds: IntegrityThresholds = DEFAULT_INTEGRITY_THRESHOLDS,
): Projection {
  return {
    name: 'integrity',
    group: 'integrity',
    slices: [INTEGRITY_ROWS],
    apply: (rows, event) => rows.of(INTEGRITY_ROWS).apply(event),
    settle: (rows) => rows.of(INTEGRITY_ROWS).settle(thresholds),
  };
}
