import type { ReadModel } from '../runner/read-model';
import type { TableSpec } from '../runner/row-table';
import { PROCUREMENTS_MIGRATION } from './procurements.migration';
import { procurementsProjection } from './procurements.projection';
import { PROCUREMENTS } from './procurements.table';

/** The procurement before its notice (`rm_procurements`, docs/planning.md). */
export const procurementsReadModel: ReadModel = {
  name: 'procurements',
  projection: () => procurementsProjection,
  tables: [PROCUREMENTS as TableSpec<never>],
  migrations: [PROCUREMENTS_MIGRATION],
};
