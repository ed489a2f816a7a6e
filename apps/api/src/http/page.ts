import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { InvalidCursorError } from '@fairtender/read-models';

export const PAGE_DEFAULT_LIMIT = 50;
export const PAGE_MAX_LIMIT = 100;

/** `cursor` and `limit`, as every list takes them (docs/api.md#lists). */
export class PageQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: PAGE_MAX_LIMIT,
    default: PAGE_DEFAULT_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
}

export interface Page<Item> {
  items: Item[];
  /** Pass as `cursor` for the next page; null when this page reached the end. */
  nextCursor: string | null;
}

/**
 * One page of a list already in its order, the cursor naming the last item given (by `keyOf`): the
 * next page starts after it. A cursor that names no item of the list is `400 INVALID_CURSOR`.
 */
export function pageOf<Item>(
  all: readonly Item[],
  keyOf: (item: Item) => string,
  { cursor, limit = PAGE_DEFAULT_LIMIT }: PageQueryDto,
): Page<Item> {
  let start = 0;
  if (cursor !== undefined) {
    const key = decodeKey(cursor);
    const index = all.findIndex((item) => keyOf(item) === key);
    if (index < 0) throw new InvalidCursorError(`cursor ${cursor} is not from this list`);
    start = index + 1;
  }
  const items = all.slice(start, start + limit);
  const more = start + limit < all.length;
  return { items, nextCursor: more ? encodeKey(keyOf(items[items.length - 1])) : null };
}

const encodeKey = (key: string) => Buffer.from(JSON.stringify([key])).toString('base64url');

function decodeKey(cursor: string): string | undefined {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    return Array.isArray(decoded) && typeof decoded[0] === 'string' ? decoded[0] : undefined;
  } catch {
    return undefined;
  }
}
