import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min, ValidateBy } from 'class-validator';
import { decodeFeedCursor } from '@fairtender/read-models';

export const FEED_MAX_LIMIT = 100;
export const FEED_DEFAULT_LIMIT = 50;

/** `GET /ocds/releases`: every bad parameter is a 400 VALIDATION_FAILED naming it. */
export class OcdsFeedDto {
  @ApiPropertyOptional({
    description: 'Only releases dated at or after this time (ISO 8601 with a time zone)',
    format: 'date-time',
    example: '2025-03-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @ValidateBy({
    name: 'hasTimeZone',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && /(Z|[+-]\d{2}:?\d{2})$/.test(value),
      defaultMessage: () => 'since must be an ISO 8601 time with a time zone (Z or ±hh:mm)',
    },
  })
  since?: string;

  @ApiPropertyOptional({ description: "The cursor in the previous page's links.next" })
  @IsOptional()
  @ValidateBy({
    name: 'isFeedCursor',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && decodeFeedCursor(value) !== undefined,
      defaultMessage: () => 'cursor must be a cursor from a links.next of this feed',
    },
  })
  cursor?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: FEED_MAX_LIMIT,
    default: FEED_DEFAULT_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(FEED_MAX_LIMIT)
  limit?: number;
}
