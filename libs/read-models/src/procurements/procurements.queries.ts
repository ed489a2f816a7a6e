import type { SqlQueryable } from '@fairtender/event-store';
import { selectRows } from '../runner/row-table';
import { PROCUREMENTS, type ProcurementRow } from './procurements.table';

/** A tender's planning record (docs/planning.md), if it was opened as a procurement. */
export async function getProcurement(
  db: SqlQueryable,
  tenderId: string,
): Promise<ProcurementRow | undefined> {
  const [row] = await selectRows<ProcurementRow>(db, PROCUREMENTS, 'tender_id = $1', [tenderId]);
  return row;
}
