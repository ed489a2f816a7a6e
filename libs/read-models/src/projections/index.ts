import { bidReceiptsProjection } from './bid-receipts.projection';
import { bidsProjection } from './bids.projection';
import { clarificationsProjection } from './clarifications.projection';
import { ocdsProjection } from './ocds.projection';
import type { Projection } from './projection';
import { tendersProjection } from './tenders.projection';

/** In this order: bids read the tender's notice version, receipts read the bid's receipt count. */
export const READ_MODEL_PROJECTIONS: readonly Projection[] = [
  tendersProjection,
  clarificationsProjection,
  bidsProjection,
  bidReceiptsProjection,
  ocdsProjection,
];

export type { Projection } from './projection';
export type { ProjectedEvent } from './projected-event';
export { toProjectedEvent } from './projected-event';
export { WorkingSet, RowSet } from './working-set';
export * from './rows';
export type { OcdsReleaseRow, OcdsTenderRow } from './ocds-tables';
