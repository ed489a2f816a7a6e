import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { RED_FLAG_CODES } from '@fairtender/domain';
import { IsIsoInstant } from '../../http/is-iso-instant';

export const RED_FLAGS_MAX_LIMIT = 500;
export const RED_FLAGS_DEFAULT_LIMIT = 50;

/** `GET /integrity/red-flags`: every bad parameter is a 400 VALIDATION_FAILED naming it. */
export class RedFlagsQueryDto {
  @ApiPropertyOptional({ enum: RED_FLAG_CODES, description: 'Only flags with this code' })
  @IsOptional()
  @IsIn(RED_FLAG_CODES)
  code?: string;

  @ApiPropertyOptional({ description: 'Only flags on tenders of this contracting authority' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,128}$/, {
    message: 'buyerOrganisationId must be 1 to 128 of A-Z a-z 0-9 _ . : -',
  })
  buyerOrganisationId?: string;

  @ApiPropertyOptional({ description: 'Only flags about this supplier (the winner, a bidder…)' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'supplierId must be 1 to 64 of A-Z a-z 0-9 _ -' })
  supplierId?: string;

  @ApiPropertyOptional({ description: 'Only flags on this tender' })
  @IsOptional()
  @IsUUID()
  tenderId?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Raised at or after this time (ISO 8601 with a zone)',
  })
  @IsOptional()
  @IsIsoInstant()
  since?: string;

  @ApiPropertyOptional({ description: 'Raised at or before this time (ISO 8601 with a zone)' })
  @IsOptional()
  @IsIsoInstant()
  until?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: RED_FLAGS_MAX_LIMIT,
    default: RED_FLAGS_DEFAULT_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(RED_FLAGS_MAX_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 400)
  cursor?: string;
}
