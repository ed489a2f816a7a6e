import { ApiError } from './api-error';

export const IF_MATCH_HEADER = 'if-match';
/** `"7"` or `W/"7"`: the entity tags this api issues are stream revisions. */
const REVISION_TAG = /^(?:W\/)?"(\d{1,15})"$/;

/** The strong entity tag of a stream at `revision` (RFC 9110 §8.8.3). */
export function entityTag(revision: number): string {
  return `"${revision}"`;
}

/**
 * The revision an `If-Match` header asks for (RFC 9110 §13.1.1), or undefined when there is none or
 * it is `*` (any current representation: a known resource always has one). A tag this api could not
 * have issued is refused rather than ignored, so a client never believes it is protected when it is not.
 */
export function expectedRevisionOf(
  headers: Record<string, string | string[] | undefined>,
): number | undefined {
  const raw = headers[IF_MATCH_HEADER];
  if (raw === undefined) return undefined;
  const value = (Array.isArray(raw) ? raw[0] : raw).trim();
  if (value === '*') return undefined;
  const match = REVISION_TAG.exec(value);
  if (!match) {
    throw new ApiError(
      400,
      'INVALID_IF_MATCH',
      'If-Match must be one entity tag as this api sends it in ETag, e.g. "7", or *',
      { header: 'If-Match' },
    );
  }
  return Number(match[1]);
}
