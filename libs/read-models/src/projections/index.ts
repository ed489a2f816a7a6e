import { BID_RECEIPTS, BIDS, CLARIFICATIONS, TENDERS } from './tables';
import { bidReceiptsProjection } from './bid-receipts.projection';
import { bidsProjection } from './bids.projection';
import { clarificationsProjection } from './clarifications.projection';
import { ocdsProjection } from './ocds.projection';
import { OCDS_RELEASES, OCDS_TENDERS } from './ocds-tables';
import { integrityProjection } from './integrity.projection';
import {
  CONTRACT_EXTENSIONS,
  INTEGRITY,
  INTEGRITY_SCORES,
  INTEGRITY_STATES,
  RED_FLAGS,
} from './integrity-tables';
import type { Projection } from './projection';
import type { ReadModel, ReadModelSettings } from './read-model';
import type { TableSpec } from './row-table';
import { tendersProjection } from './tenders.projection';
import { OCDS_MIGRATION } from '../schema/ocds-migration';
import {
  INTEGRITY_MIGRATION,
  INTEGRITY_SCORES_MIGRATION,
  INTEGRITY_SLIM_STATES_MIGRATION,
} from '../schema/integrity-migration';

const specs = (...tables: TableSpec<never>[]) => tables;

/**
 * Every read model, registered once: adding one is its files and a line here. In this order: bids
 * read the tender's notice version, receipts read the bid's receipt count. The first tables
 * (tenders, clarifications, bids, receipts) were created together by migration 1000 (schema/).
 */
export const READ_MODELS: readonly ReadModel[] = [
  {
    name: 'tenders',
    projection: () => tendersProjection,
    tables: specs(TENDERS as TableSpec<never>),
    migrations: [
      {
        id: 1330,
        name: 'read models: the statutory minimum tendering period each notice was held to',
        // NULL for notices published before the minimum periods were enforced (their events record none).
        sql: /* sql */ `ALTER TABLE rm_tenders ADD COLUMN tendering_period jsonb;`,
      },
      {
        id: 1350,
        name: 'read models: the challenges suspending each award',
        // The stages after evaluation (standstill, contracted, unsuccessful) are projected from now on;
        // rows projected before show them after `fairtender rebuild`.
        sql: /* sql */ `ALTER TABLE rm_tenders ADD COLUMN award_suspended_by jsonb NOT NULL DEFAULT '[]';`,
      },
    ],
  },
  {
    name: 'clarifications',
    projection: () => clarificationsProjection,
    tables: specs(CLARIFICATIONS as TableSpec<never>),
    migrations: [],
  },
  {
    name: 'bids',
    projection: () => bidsProjection,
    tables: specs(BIDS as TableSpec<never>),
    migrations: [],
  },
  {
    name: 'bid receipts',
    projection: () => bidReceiptsProjection,
    tables: specs(BID_RECEIPTS as TableSpec<never>),
    migrations: [],
  },
  {
    name: 'ocds',
    projection: () => ocdsProjection,
    tables: specs(OCDS_TENDERS as TableSpec<never>, OCDS_RELEASES as TableSpec<never>),
    migrations: [OCDS_MIGRATION],
  },
  {
    name: 'integrity',
    projection: (settings) => integrityProjection(settings.integrity),
    tables: specs(
      INTEGRITY_STATES as TableSpec<never>,
      INTEGRITY as TableSpec<never>,
      RED_FLAGS as TableSpec<never>,
      CONTRACT_EXTENSIONS as TableSpec<never>,
      INTEGRITY_SCORES as TableSpec<never>,
    ),
    migrations: [INTEGRITY_MIGRATION, INTEGRITY_SCORES_MIGRATION, INTEGRITY_SLIM_STATES_MIGRATION],
  },
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

export type { ReadModel, ReadModelSettings } from './read-model';
export type { Projection, RowsSlice } from './projection';
export type { ProjectedEvent } from './projected-event';
export { toProjectedEvent } from './projected-event';
export { WorkingSet, RowSet } from './working-set';
export * from './rows';
export type { OcdsReleaseRow, OcdsTenderRow } from './ocds-tables';
export { integrityProjection } from './integrity.projection';
export type { IntegrityRow, RedFlagRow, ContractExtensionRow } from './integrity-tables';
