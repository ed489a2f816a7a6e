import { DEFAULT_INTEGRITY_THRESHOLDS, type IntegrityThresholds } from '@fairtender/domain';
import type { Projection } from './projection';

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
    apply: (rows, event) => rows.integrity.apply(event),
    settle: (rows) => rows.integrity.settle(thresholds),
  };
}
