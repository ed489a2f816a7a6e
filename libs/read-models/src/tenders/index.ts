import type { ReadModel } from '../runner/read-model';
import type { TableSpec } from '../runner/row-table';
import { TENDERS_MIGRATIONS } from './tenders.migration';
import { tendersProjection } from './tenders.projection';
import { TENDERS } from './tenders.table';

/** Each tender's notice as published and amended, and where its stage stands (`rm_tenders`). */
export const tendersReadModel: ReadModel = {
  name: 'tenders',
  projection: () => tendersProjection,
  tables: [TENDERS as TableSpec<never>],
  migrations: TENDERS_MIGRATIONS,
};
