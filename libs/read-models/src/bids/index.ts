import type { ReadModel } from '../runner/read-model';
import type { TableSpec } from '../runner/row-table';
import { bidsProjection } from './bids.projection';
import { BIDS } from './bids.table';

/** Each supplier's bid on each tender, never its content (`rm_bids`); its table is migration 1000's. */
export const bidsReadModel: ReadModel = {
  name: 'bids',
  projection: () => bidsProjection,
  tables: [BIDS as TableSpec<never>],
  migrations: [],
};
