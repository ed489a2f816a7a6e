import type { SqlQueryable } from '@fairtender/event-store';
import { INTEGRITY, RED_FLAGS, type IntegrityRow, type RedFlagRow } from './integrity.table';
import { selectRows } from '../runner/row-table';
import { InvalidCursorError } from '../queries/invalid-cursor';

export interface RedFlagFilter {
  code?: string;
  buyerOrganisationId?: string;
  supplierId?: string;
  tenderId?: string;
  /** ISO times, inclusive, on the time each flag was raised. */
  since?: string;
  until?: string;
  /** 1–500; 50 by default. */
  limit?: number;
  /** The nextCursor of the previous page. */
  cursor?: string;
}

export interface RedFlagPage {
  items: RedFlagRow[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

const MAX_PAGE = 500;

/** The competition-integrity read models: a tender's report, and red flags across tenders. */
export class IntegrityQueries {
  constructor(private readonly db: SqlQueryable) {}

  async getReport(tenderId: string): Promise<IntegrityRow | undefined> {
    const [row] = await selectRows(this.db, INTEGRITY, 'tender_id = $1', [tenderId]);
    return row;
  }

  /** Newest first (then by tender and flag), keyset-paged. */
  async listRedFlags(filter: RedFlagFilter = {}): Promise<RedFlagPage> {
    const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), MAX_PAGE);
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.code) add((p) => `code = ${p}`, filter.code);
    if (filter.buyerOrganisationId)
      add((p) => `buyer_organisation_id = ${p}`, filter.buyerOrganisationId);
    if (filter.supplierId) add((p) => `supplier_id = ${p}`, filter.supplierId);
    if (filter.tenderId) add((p) => `tender_id = ${p}`, filter.tenderId);
    if (filter.since) add((p) => `raised_at >= ${p}::timestamptz`, filter.since);
    if (filter.until) add((p) => `raised_at <= ${p}::timestamptz`, filter.until);
    if (filter.cursor) {
      const [raisedAt, tenderId, flagKey] = decodeRedFlagCursor(filter.cursor);
      params.push(raisedAt, tenderId, flagKey);
      const [a, t, k] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
      where.push(
        `(raised_at < ${a}::timestamptz OR (raised_at = ${a}::timestamptz AND (tender_id, flag_key) > (${t}, ${k})))`,
      );
    }
    params.push(limit + 1);
    const rows = await selectRows(
      this.db,
      RED_FLAGS,
      where.length > 0 ? where.join(' AND ') : 'true',
      params,
      `ORDER BY raised_at DESC, tender_id, flag_key LIMIT $${params.length}`,
    );
    const items = rows.slice(0, limit);
    return {
      items,
      nextCursor: rows.length > limit ? encodeRedFlagCursor(items.at(-1)!) : null,
    };
  }
}

export function encodeRedFlagCursor(row: Pick<RedFlagRow, 'raisedAt' | 'tenderId' | 'flagKey'>) {
  return Buffer.from(JSON.stringify([row.raisedAt, row.tenderId, row.flagKey])).toString(
    'base64url',
  );
}

function decodeRedFlagCursor(cursor: string): [string, string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      parsed.every((part) => typeof part === 'string') &&
      !Number.isNaN(Date.parse(parsed[0] as string)) &&
      encodeRedFlagCursor({
        raisedAt: parsed[0] as string,
        tenderId: parsed[1] as string,
        flagKey: parsed[2] as string,
      }) === cursor
    ) {
      return parsed as [string, string, string];
    }
  } catch {
    // Not base64url JSON: refused below.
  }
  throw new InvalidCursorError('cursor was not produced by this listing (use nextCursor)');
}
