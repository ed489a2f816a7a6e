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
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,19}$/, { message: 'cursor must be the nextCursor of the previous page' })
  cursor?: string;

  @ApiPropertyOptional({ description: 'The same as cursor (its earlier name)', deprecated: true })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,19}$/, { message: 'before must be the nextCursor of the previous page' })
  before?: string;
}

export class WebhookDto {
  @ApiProperty({ format: 'uri' }) url!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

export class RegisteredWebhookDto extends WebhookDto {
  @ApiProperty({ description: 'The signing secret, shown this once' }) secret!: string;
  @ApiProperty({ description: 'An earlier webhook was replaced' }) replaced!: boolean;
}

export class DeliveryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() notificationType!: string;
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty({ format: 'uri' }) url!: string;
  @ApiProperty({ type: 'integer', description: '1 for the first delivery, 2 for the first retry' })
  attempt!: number;

  @ApiPropertyOptional({ type: 'integer' }) statusCode?: number;
  @ApiPropertyOptional() error?: string;
  @ApiProperty({ type: 'integer' }) durationMs!: number;
  @ApiProperty({ enum: ['delivered', 'failed'] }) outcome!: string;
  @ApiProperty({ format: 'date-time' }) attemptedAt!: string;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] }) items!: DeliveryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor`; null at the end' })
  nextCursor!: string | null;
}
