import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { WEBHOOK_URL_MAX_LENGTH } from '@fairtender/notifications';

export class RegisterWebhookDto {
  @ApiProperty({
    example: 'https://hooks.example.com/fairtender',
    description: 'https:// (http:// too outside production); never a private or loopback address',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url!: string;
}

export class ListDeliveriesDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,19}$/, { message: 'before must be the nextCursor of the previous page' })
  before?: string;
}
