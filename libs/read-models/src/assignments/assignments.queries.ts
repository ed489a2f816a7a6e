import type { AssignmentStatus, TenderStage } from '@fairtender/domain';
import type { SqlQueryable } from '@fairtender/event-store';
import { InvalidCursorError } from '../queries/invalid-cursor';
import { selectRows } from '../runner/row-table';
import { ASSIGNMENTS, type AssignmentRow } from './assignments.table';

export interface ListAssignmentsOptions {
  /** 1–100; 20 by default. */
  limit?: number;
  cursor?: string;
  status?: AssignmentStatus;
  stage?: TenderStage;
}

export interface AssignmentPage {
  items: AssignmentRow[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

const MAX_PAGE = 100;

const encodeCursor = (row: Pick<AssignmentRow, 'appointedAt' | 'tenderId'>) =>
  Buffer.from(JSON.stringify([row.appointedAt, row.tenderId])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      parsed.every((part) => typeof part === 'string') &&
      !Number.isNaN(Date.parse(parsed[0] as string))
    ) {
      return parsed as [string, string];
    }
  } catch {
    // Not base64url JSON: refused below.
  }
  throw new InvalidCursorError('cursor was not produced by this listing (use nextCursor)');
}

/**
 * One evaluator's seats on its own authority's panels, newest appointment first, keyset-paged on
 * (appointed_at, tender_id). A panel of another authority that named the same user id is not its own.
 */
export async function listEvaluatorAssignments(
  db: SqlQueryable,
  evaluatorId: string,
  organisationId: string,
  options: ListAssignmentsOptions = {},
): Promise<AssignmentPage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), MAX_PAGE);
  const params: unknown[] = [evaluatorId, organisationId];
  const where = ['evaluator_id = $1', 'buyer_organisation_id = $2'];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (options.status) add((p) => `status = ${p}`, options.status);
  if (options.stage) add((p) => `stage = ${p}`, options.stage);
  if (options.cursor) {
    const [appointedAt, tenderId] = decodeCursor(options.cursor);
    params.push(appointedAt, tenderId);
    where.push(
      `(appointed_at, tender_id) < ($${params.length - 1}::timestamptz, $${params.length}::text)`,
    );
  }
  params.push(limit + 1);
  const rows = await selectRows(
    db,
    ASSIGNMENTS,
    where.join(' AND '),
    params,
    `ORDER BY appointed_at DESC, tender_id DESC LIMIT $${params.length}`,
  );
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!) : null };
}
