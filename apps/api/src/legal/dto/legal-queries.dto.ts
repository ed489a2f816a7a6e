import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsIsoInstant } from '../../http/is-iso-instant';
import { MAX_HISTORY_LIMIT } from '@fairtender/legal';

const STREAM_KINDS = ['tender', 'bid', 'evaluator', 'refusals', 'audit', 'other'] as const;
const MOMENT_HELP =
  'An ISO 8601 time with a time zone (every event recorded at or before it) or a global position "<commit>-<prepare>" (every event up to and including it)';

export class HistoryQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_HISTORY_LIMIT, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_HISTORY_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page (a position)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  cursor?: string;

  @ApiPropertyOptional({
    description: 'Only this stream (exact name); a sealed bid stream is never matched',
  })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  stream?: string;

  @ApiPropertyOptional({ enum: STREAM_KINDS, description: 'Only streams of this kind' })
  @IsOptional()
  @IsIn(STREAM_KINDS)
  kind?: (typeof STREAM_KINDS)[number];

  @ApiPropertyOptional({ description: 'Event types, comma-separated (BidSubmitted,BidsOpened)' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z][A-Za-z0-9]{0,99}(,[A-Z][A-Za-z0-9]{0,99}){0,49}$/, {
    message: 'type must be event type names separated by commas, e.g. BidSubmitted,BidsOpened',
  })
  type?: string;

  @ApiPropertyOptional({ description: 'User id of the actor; a withheld actor never matches' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  actor?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Recorded at or after this time (ISO 8601)',
  })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Recorded at or before this time (ISO 8601)',
  })
  @IsOptional()
  @IsIsoInstant()
  to?: string;
}

export class StateQueryDto {
  @ApiPropertyOptional({ description: MOMENT_HELP })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  at?: string;

  @ApiPropertyOptional({ description: 'A global position "<commit>-<prepare>"' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  position?: string;
}

export class DiffQueryDto {
  @ApiProperty({ description: MOMENT_HELP })
  @IsString()
  @Length(1, 64)
  from!: string;

  @ApiProperty({ description: MOMENT_HELP })
  @IsString()
  @Length(1, 64)
  to!: string;
}
