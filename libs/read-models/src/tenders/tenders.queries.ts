import type { TenderStage } from '@fairtender/domain';
import type { SqlQueryable } from '@fairtender/event-store';
import { InvalidCursorError } from '../queries/invalid-cursor';
import { selectRows } from '../runner/row-table';
import { TENDERS, type TenderRow } from './tenders.table';

/** A tender's notice as the read model holds it (drafts included: callers decide who sees them). */
export type Notice = TenderRow;

export interface NoticePage {
  items: Notice[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface ListNoticesOptions {
  /** 1–100; 20 by default. */
  limit?: number;
  cursor?: string;
  /** Drafts are never listed, so `draft` gives an empty page. */
  stage?: TenderStage;
}

export function encodeCursor(notice: Notice): string {
  return Buffer.from(JSON.stringify([notice.publishedAt, notice.tenderId])).toString('base64url');
}

export function decodeCursor(cursor: string): { publishedAt: string; tenderId: string } {
  try {
    const [publishedAt, tenderId] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [
      unknown,
      unknown,
    ];
    if (
      typeof publishedAt === 'string' &&
      typeof tenderId === 'string' &&
      !Number.isNaN(Date.parse(publishedAt))
    ) {
      return { publishedAt, tenderId };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidCursorError(`"${cursor}" is not a cursor returned by a notice listing`);
}

const MAX_PAGE = 100;

/** Published notices (never drafts), newest first, keyset-paged. */
export async function listPublishedNotices(
  db: SqlQueryable,
  options: ListNoticesOptions = {},
): Promise<NoticePage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), MAX_PAGE);
  const params: unknown[] = [];
  const where = ['published_at IS NOT NULL'];
  if (options.stage) {
    params.push(options.stage);
    where.push(`stage = $${params.length}`);
  }
  if (options.cursor) {
    const after = decodeCursor(options.cursor);
    params.push(after.publishedAt, after.tenderId);
    where.push(
      `(published_at, tender_id) < ($${params.length - 1}::timestamptz, $${params.length}::text)`,
    );
  }
  params.push(limit + 1);
  const rows = await selectRows<Notice>(
    db,
    TENDERS,
    where.join(' AND '),
    params,
    `ORDER BY published_at DESC, tender_id DESC LIMIT $${params.length}`,
  );
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items.at(-1)!) : null };
}

/** The notice of any stage, drafts included: the caller decides who may see a draft. */
export async function getNotice(db: SqlQueryable, tenderId: string): Promise<Notice | undefined> {
  const [row] = await selectRows<Notice>(db, TENDERS, 'tender_id = $1', [tenderId]);
  return row;
}
