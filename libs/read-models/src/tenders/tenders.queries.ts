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

/**
 * Tenders in a scope (`scope` is a WHERE clause on `$1`), newest draft first, optionally of one
 * stage, keyset-paged on (drafted_at, tender_id) with the notices' cursor shape: the work lists.
 */
export function pageOfTenders(
  db: SqlQueryable,
  scope: string,
  scopeParam: string,
  options: ListNoticesOptions,
): Promise<NoticePage> {
  return keysetPage(db, [scope], [scopeParam], 'drafted_at', (row) => row.draftedAt, options);
}

/** Published notices (never drafts), newest first, keyset-paged. */
export function listPublishedNotices(
  db: SqlQueryable,
  options: ListNoticesOptions = {},
): Promise<NoticePage> {
  const where = ['published_at IS NOT NULL'];
  return keysetPage(db, where, [], 'published_at', (row) => row.publishedAt!, options);
}

/**
 * One page of rm_tenders, newest first on `(column, tender_id)`. The cursor keeps its one shape
 * (`publishedAt`, `tenderId`) whichever time column it pages on.
 */
async function keysetPage(
  db: SqlQueryable,
  where: string[],
  params: unknown[],
  column: 'drafted_at' | 'published_at',
  timeOf: (row: Notice) => string,
  options: ListNoticesOptions,
): Promise<NoticePage> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), MAX_PAGE);
  if (options.stage) {
    params.push(options.stage);
    where.push(`stage = $${params.length}`);
  }
  if (options.cursor) {
    const after = decodeCursor(options.cursor);
    params.push(after.publishedAt, after.tenderId);
    where.push(
      `(${column}, tender_id) < ($${params.length - 1}::timestamptz, $${params.length}::text)`,
    );
  }
  params.push(limit + 1);
  const rows = await selectRows<Notice>(
    db,
    TENDERS,
    where.join(' AND '),
    params,
    `ORDER BY ${column} DESC, tender_id DESC LIMIT $${params.length}`,
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > limit && last ? encodeCursor({ ...last, publishedAt: timeOf(last) }) : null,
  };
}

/** The notice of any stage, drafts included: the caller decides who may see a draft. */
export async function getNotice(db: SqlQueryable, tenderId: string): Promise<Notice | undefined> {
  const [row] = await selectRows<Notice>(db, TENDERS, 'tender_id = $1', [tenderId]);
  return row;
}
