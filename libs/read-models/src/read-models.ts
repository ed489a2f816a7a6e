import { assignmentsReadModel } from './assignments';
import { bidReceiptsReadModel } from './bid-receipts';
import { bidsReadModel } from './bids';
import { clarificationsReadModel } from './clarifications';
import { integrityReadModel } from './integrity';
import { ocdsReadModel } from './ocds';
import { procurementsReadModel } from './procurements';
import type { Projection } from './runner/projection';
import type { ReadModel, ReadModelSettings } from './runner/read-model';
import { tendersReadModel } from './tenders';

/**
 * Every read model, registered once: adding one is its folder (table, migration, projection, queries,
 * spec, and an `index.ts` with its `ReadModel`) and a line here (docs/architecture.md#read-models).
 * In this order: bids read the tender's notice version, receipts read the bid's receipt count.
 */
export const READ_MODELS: readonly ReadModel[] = [
  tendersReadModel,
  procurementsReadModel,
  clarificationsReadModel,
  bidsReadModel,
  bidReceiptsReadModel,
  ocdsReadModel,
  integrityReadModel,
  assignmentsReadModel,
];

/**
 * The read models with the integrity red flags at configured thresholds. The projector and
 * `fairtender rebuild` must be given the same, or the rebuild differs from the live tables.
 */
export function readModelProjections(settings: ReadModelSettings = {}): readonly Projection[] {
  return READ_MODELS.map((model) => model.projection(settings));
}

/** The read models at the default thresholds. */
export const READ_MODEL_PROJECTIONS: readonly Projection[] = readModelProjections();
