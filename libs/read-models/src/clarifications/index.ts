import type { ReadModel } from '../runner/read-model';
import type { TableSpec } from '../runner/row-table';
import { clarificationsProjection } from './clarifications.projection';
import { CLARIFICATIONS } from './clarifications.table';

/** Each tender's questions and answers (`rm_clarifications`); its table is migration 1000's. */
export const clarificationsReadModel: ReadModel = {
  name: 'clarifications',
  projection: () => clarificationsProjection,
  tables: [CLARIFICATIONS as TableSpec<never>],
  migrations: [],
};
