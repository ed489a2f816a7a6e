import type { SqlQueryable } from '@fairtender/event-store';
import type { ReleaseBody } from '@fairtender/publication';

/** A stored release, in the order of the log. */
export interface StoredOcdsRelease {
  tenderId: string;
  release: ReleaseBody;
  /** Where the release stands in the log: the feed's cursor. */
  position: FeedPosition;
}

export interface FeedPosition {
  commit: string;
  prepare: string;
}

export interface OcdsFeedOptions {
  /** Only releases dated at or after this ISO time. */
  since?: string;
  /** Only releases after this one (exclusive). */
  after?: FeedPosition;
  limit: number;
}

interface ReleaseRecord {
  tender_id: string;
  release: ReleaseBody;
  commit_position: string;
  prepare_position: string;
}

const COLUMNS = 'tender_id, release, commit_position::text, prepare_position::text';

const stored = (row: ReleaseRecord): StoredOcdsRelease => ({
  tenderId: row.tender_id,
  release: row.release,
  position: { commit: row.commit_position, prepare: row.prepare_position },
});

/** An opaque feed cursor: the position of the last release of a page. */
export function encodeFeedCursor(position: FeedPosition): string {
  return Buffer.from(`${position.commit}-${position.prepare}`).toString('base64url');
}

/** The position a cursor stands for, or undefined when it is not one `encodeFeedCursor` made. */
export function decodeFeedCursor(cursor: string): FeedPosition | undefined {
  const match = /^(\d{1,19})-(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match || encodeFeedCursor({ commit: match[1], prepare: match[2] }) !== cursor) return;
  if (BigInt(match[1]) > 2n ** 63n - 1n || BigInt(match[2]) > 2n ** 63n - 1n) return;
  return { commit: match[1], prepare: match[2] };
}

/** What the OCDS endpoints read: releases as the ocds projection stored them (without ocid). */
export class OcdsQueries {
  constructor(private readonly db: SqlQueryable) {}

  /** Every release of a tender, oldest first; none for a draft or an unknown tender. */
  async tenderReleases(tenderId: string): Promise<StoredOcdsRelease[]> {
    const rows = await this.db.query<ReleaseRecord>(
      `SELECT ${COLUMNS} FROM rm_ocds_releases WHERE tender_id = $1 ORDER BY ordinal`,
      [tenderId],
    );
    return rows.map(stored);
  }

  /** Releases of every tender in the order of the log, one page; `hasMore` when another follows. */
  async feed(options: OcdsFeedOptions): Promise<{ items: StoredOcdsRelease[]; hasMore: boolean }> {
    const rows = await this.db.query<ReleaseRecord>(
      `SELECT ${COLUMNS} FROM rm_ocds_releases
        WHERE ($1::timestamptz IS NULL OR release_date >= $1::timestamptz)
          AND ($2::bigint IS NULL OR (commit_position, prepare_position) > ($2::bigint, $3::bigint))
        ORDER BY commit_position, prepare_position
        LIMIT $4`,
      [
        options.since ?? null,
        options.after?.commit ?? null,
        options.after?.prepare ?? null,
        options.limit + 1,
      ],
    );
    return {
      items: rows.slice(0, options.limit).map(stored),
      hasMore: rows.length > options.limit,
    };
  }
}
