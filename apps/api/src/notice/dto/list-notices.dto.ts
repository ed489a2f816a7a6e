import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

const PUBLIC_STAGES = [
  'tendering',
  'closed',
  'evaluation',
  'standstill',
  'contracted',
  'unsuccessful',
  'cancelled',
] as const;
const ALL_STAGES = ['draft', ...PUBLIC_STAGES] as const;

export class ListNoticesDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;

  @ApiPropertyOptional({ enum: PUBLIC_STAGES })
  @IsOptional()
  @IsIn(PUBLIC_STAGES)
  stage?: (typeof PUBLIC_STAGES)[number];
}

/** `GET /tenders`: an officer's own authority's tenders (drafts included), a supplier's bids' tenders. */
export class ListOwnTendersDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;

  @ApiPropertyOptional({ enum: ALL_STAGES, description: 'Only tenders at this stage' })
  @IsOptional()
  @IsIn(ALL_STAGES)
  stage?: (typeof ALL_STAGES)[number];
}

export class OwnBidSummaryDto {
  @ApiProperty({ enum: ['submitted', 'withdrawn'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) receivedAt!: string | null;
}

export class OwnTenderItemDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty({ enum: ALL_STAGES }) stage!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: 'integer' }) noticeVersion!: number;
  @ApiProperty({ format: 'date-time' }) draftedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submissionDeadline!: string | null;
  @ApiProperty({ description: 'Whether an open challenge suspends the award' })
  awardSuspended!: boolean;
  @ApiProperty({ type: 'integer', description: "The tender stream's revision (its ETag)" })
  revision!: number;
  @ApiPropertyOptional({
    type: OwnBidSummaryDto,
    description: "A supplier's own bid (suppliers only)",
  })
  bid?: OwnBidSummaryDto;
}

export class OwnTenderPageDto {
  @ApiProperty({ type: [OwnTenderItemDto] }) items!: OwnTenderItemDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass back as cursor; null on the last page',
  })
  nextCursor!: string | null;
}
