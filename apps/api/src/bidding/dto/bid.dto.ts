import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  arrayUnique,
  isNumber,
  isString,
  isUUID,
  length,
  matches,
  max,
  min,
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
import { definePredicate, registerCompiledBody } from '../../http/compiled-bodies';
import { IsBase64Content, isBase64Content } from '../../http/is-base64-content';

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

// The bid routes are the hot path of a deadline rush: a valid bid skips class-transformer and
// class-validator through this schema (apps/api/src/http/compiled-bodies.ts), which mirrors every
// decorator above with class-validator's own predicates; anything else is validated as before.
definePredicate(
  'bid.amount',
  (v) =>
    isNumber(v, { allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }) &&
    min(v, 0.01) &&
    max(v, 1e15),
);
definePredicate('bid.currency', (v) => matches(v as string, /^[A-Z]{3}$/));
definePredicate('bid.criterionId', (v) => matches(v as string, /^[a-z0-9][a-z0-9_-]{0,39}$/));
definePredicate('bid.response', (v) => isString(v) && length(v, 1, 50_000));
definePredicate(
  'bid.documentName',
  // eslint-disable-next-line no-control-regex -- as on BidDocumentDto.name
  (v) => isString(v) && length(v, 1, 255) && matches(v, /^[^/\\\u0000-\u001f]+$/),
);
definePredicate('bid.mediaType', (v) => matches(v as string, /^[\w.+-]+\/[\w.+-]+$/));
definePredicate('bid.base64', isBase64Content);
definePredicate('bid.documentIds', (v) => arrayUnique(v as unknown[]));
definePredicate('bid.documentId', (v) => isUUID(v, 'all'));

const closedObject = (properties: Record<string, object>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

registerCompiledBody(
  BidDto,
  closedObject(
    {
      price: closedObject({
        amount: { type: 'number', satisfies: 'bid.amount' },
        currency: { type: 'string', satisfies: 'bid.currency' },
      }),
      responses: {
        type: 'array',
        maxItems: 30,
        items: closedObject({
          criterionId: { type: 'string', satisfies: 'bid.criterionId' },
          response: { type: 'string', satisfies: 'bid.response' },
        }),
      },
      documents: {
        type: 'array',
        maxItems: 20,
        items: closedObject({
          name: { type: 'string', satisfies: 'bid.documentName' },
          mediaType: { type: 'string', satisfies: 'bid.mediaType' },
          contentBase64: { type: 'string', satisfies: 'bid.base64' },
        }),
      },
      documentIds: {
        type: 'array',
        maxItems: 50,
        satisfies: 'bid.documentIds',
        items: { type: 'string', satisfies: 'bid.documentId' },
      },
    },
    ['price', 'responses'],
  ),
);
