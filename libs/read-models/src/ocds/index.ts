import type { ReadModel } from '../runner/read-model';
import type { TableSpec } from '../runner/row-table';
import { OCDS_MIGRATION } from './ocds.migration';
import { ocdsProjection } from './ocds.projection';
import { OCDS_RELEASES, OCDS_TENDERS } from './ocds.table';

/** OCDS publication: each tender's publication state and its releases (docs/ocds.md). */
export const ocdsReadModel: ReadModel = {
  name: 'ocds',
  projection: () => ocdsProjection,
  tables: [OCDS_TENDERS as TableSpec<never>, OCDS_RELEASES as TableSpec<never>],
  migrations: [OCDS_MIGRATION],
};
