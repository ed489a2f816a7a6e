import type { SqlQueryable } from '@fairtender/event-store';
import { selectRows } from '../runner/row-table';
import { CLARIFICATIONS, type ClarificationRow } from './clarifications.table';

/** A clarification as every supplier and the public see it: without who asked. */
export type PublicClarification = Omit<ClarificationRow, 'supplierId'>;

/** Questions and answers as every supplier sees them, in the order they were asked. */
export async function getClarifications(
  db: SqlQueryable,
  tenderId: string,
): Promise<PublicClarification[]> {
  return (await getClarificationsWithAskers(db, tenderId)).map(
    ({ supplierId: _asker, ...clarification }) => clarification,
  );
}

/** The same, with the supplier who asked each question: for the buyer's officers only. */
export async function getClarificationsWithAskers(
  db: SqlQueryable,
  tenderId: string,
): Promise<ClarificationRow[]> {
  return selectRows(
    db,
    CLARIFICATIONS,
    'tender_id = $1',
    [tenderId],
    'ORDER BY asked_at, question_id',
  );
}
