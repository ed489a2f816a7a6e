import { bidReceiptsProjection } from './bid-receipts.projection';
import { bidsProjection } from './bids.projection';
import { clarificationsProjection } from './clarifications.projection';
import { ocdsProjection } from './ocds.projection';
import { integrityProjection } from './integrity.projection';
import type { IntegrityThresholds } from '@fairtender/domain';
import type { Projection } from './projection';
import { tendersProjection } from './tenders.projection';

/** In this order: bids read the tender's notice version, receipts read the bid's receipt count. */
export const READ_MODEL_PROJECTIONS: readonly Projection[] = [
  tendersProjection,
  clarificationsProjection,
  bidsProjection,
  bidReceiptsProjection,
  ocdsProjection,
  integrityProjection(),
];

/**
 * The read models with the integrity red flags at configured thresholds. The projector and
 * `fairtender rebuild` must be given the same, or the rebuild differs from the live tables.
 */
export function readModelProjections(
  settings: { integrity?: IntegrityThresholds } = {},
): readonly Projection[] {
  return READ_MODEL_PROJECTIONS.map((p) =>
    p.name === 'integrity' ? integrityProjection(settings.integrity) : p,
  );
}

export type { Projection } from './projection';
export type { ProjectedEvent } from './projected-event';
export { toProjectedEvent } from './projected-event';
export { WorkingSet, RowSet } from './working-set';
export * from './rows';
export type { OcdsReleaseRow, OcdsTenderRow } from './ocds-tables';
export { integrityProjection } from './integrity.projection';
export type { IntegrityRow, RedFlagRow, ContractExtensionRow } from './integrity-tables';
