import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  ArrayMaxSize,
  ArrayUnique,
  IsUUID,
  IsArray,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsBase64Content } from '../../http/is-base64-content';

export class BidPriceDto {
  @ApiProperty({ example: 41_500_000 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(1e15)
  amount!: number;

  @ApiProperty({ example: 'GBP' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as GBP' })
  currency!: string;
}

export class BidResponseDto {
  @ApiProperty({ example: 'quality' })
  @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'criterionId must be a criterion id' })
  criterionId!: string;

  @ApiProperty({ example: 'Our method statement…' })
  @IsString()
  @Length(1, 50_000)
  response!: string;
}

export class BidDocumentDto {
  @ApiProperty({ example: 'method-statement.pdf' })
  @IsString()
  @Length(1, 255)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  @Matches(/^[^/\\\u0000-\u001f]+$/, {
    message: 'name must be a file name without path separators',
  })
  name!: string;

  @ApiProperty({ example: 'application/pdf' })
  @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'mediaType must look like application/pdf' })
  mediaType!: string;

  @ApiProperty({ description: 'The document, base64-encoded; total size limited by configuration' })
  @IsBase64Content()
  contentBase64!: string;
}

/**
 * A whole bid that passes validation against the notice example (NOTICE_TERMS_EXAMPLE: one response
 * per quality criterion, the price in the notice's currency), for the OpenAPI document; the
 * typed-client test submits it.
 */
export const BID_EXAMPLE = {
  price: { amount: 41_000_000, currency: 'GBP' },
  responses: [
    { criterionId: 'quality', response: 'Cameras, docking and a hosted evidence platform.' },
    { criterionId: 'social-value', response: 'Twelve local apprenticeships a year.' },
  ],
  documents: [
    {
      name: 'method-statement.txt',
      mediaType: 'text/plain',
      contentBase64: Buffer.from('Our method statement in detail').toString('base64'),
    },
  ],
};

/** A sealed bid as the supplier sends it. It is encrypted before it is stored. */
export class BidDto {
  @ApiProperty({ type: BidPriceDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => BidPriceDto)
  price!: BidPriceDto;

  @ApiProperty({ type: [BidResponseDto], description: 'One per quality criterion of the notice' })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => BidResponseDto)
  responses!: BidResponseDto[];

  @ApiPropertyOptional({
    type: [BidDocumentDto],
    description:
      'Small documents inline (base64, within BID_DOCUMENTS_MAX_BYTES in total). Prefer documentIds.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => BidDocumentDto)
  documents?: BidDocumentDto[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description:
      'Finished uploads (POST /tenders/{tenderId}/bid/documents) the bid consists of. Their names, ' +
      'media types, sizes and SHA-256 become part of the sealed content, so the receipt covers them.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  documentIds?: string[];
}

export class WithdrawBidDto {
  @ApiPropertyOptional({ example: 'Capacity committed elsewhere' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}
