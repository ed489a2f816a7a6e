import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

const PUBLIC_STAGES = ['tendering', 'closed', 'evaluation', 'cancelled'] as const;

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
