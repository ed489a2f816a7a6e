import type { ReadModel } from '../runner/read-model';
import type { TableSpec } from '../runner/row-table';
import { bidReceiptsProjection } from './bid-receipts.projection';
import { BID_RECEIPTS } from './bid-receipts.table';

/** One receipt per accepted version of a bid (`rm_bid_receipts`); its table is migration 1000's. */
export const bidReceiptsReadModel: ReadModel = {
  name: 'bid receipts',
  projection: () => bidReceiptsProjection,
  tables: [BID_RECEIPTS as TableSpec<never>],
  migrations: [],
};
