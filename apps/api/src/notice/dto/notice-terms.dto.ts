import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  JURISDICTIONS,
  PRICE_SCORING_METHODS,
  PROCEDURES,
  REDUCED_PERIOD_GROUNDS,
  type Jurisdiction,
  type ReducedPeriodGround,
  type PriceScoring,
  type Procedure,
} from '@fairtender/domain';

const ISO_INSTANT = { strict: true, strictSeparator: true } as const;

export class MoneyDto {
  @ApiProperty({ example: 50_000_000 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e15)
  amount!: number;

  @ApiProperty({ example: 'GBP', description: 'ISO 4217' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as GBP' })
  currency!: string;
}

export class AwardCriterionDto {
  @ApiProperty({ example: 'quality' })
  @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, {
    message: 'id must be 1-40 lower-case letters, digits, "-" or "_"',
  })
  id!: string;

  @ApiProperty({ example: 'Technical quality' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: 50, description: 'Percent; the weights sum to 100' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(100)
  weight!: number;

  @ApiProperty({ enum: ['quality', 'price'] })
  @IsIn(['quality', 'price'])
  kind!: 'quality' | 'price';
}

export class ScoringScaleDto {
  @ApiProperty({ type: 'integer', example: 0 })
  @IsInt()
  @Min(0)
  @Max(1000)
  min!: number;

  @ApiProperty({ type: 'integer', example: 10 })
  @IsInt()
  @Min(1)
  @Max(1000)
  max!: number;
}

/** The fields an amendment may change; every one optional. */
export class AmendableTermsDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) title?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 20_000) description?: string;

  @ApiPropertyOptional({ example: ['72000000-5'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(/^\d{8}-\d$/, { each: true, message: 'each CPV code looks like 72000000-5' })
  cpvCodes?: string[];

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  estimatedValue?: MoneyDto;

  @ApiPropertyOptional({ format: 'date-time', example: '2099-03-01T12:00:00Z' })
  @IsOptional()
  @IsISO8601(ISO_INSTANT)
  clarificationDeadline?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2099-03-31T12:00:00Z' })
  @IsOptional()
  @IsISO8601(ISO_INSTANT)
  submissionDeadline?: string;
}

// Whether the ground is listed for the jurisdiction, the justification says enough and the earlier
// notice's date qualifies are the domain's rules (422 REDUCED_PERIOD_NOT_JUSTIFIED).
export class ReducedTenderingPeriodDto {
  @ApiProperty({ enum: REDUCED_PERIOD_GROUNDS })
  @IsIn(REDUCED_PERIOD_GROUNDS)
  ground!: ReducedPeriodGround;

  @ApiProperty({
    example: 'The current contract ends on 31 March and the service cannot lapse in winter',
  })
  @IsString()
  @Length(1, 5_000)
  justification!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2098-12-01T09:00:00Z',
    description: 'When the planned procurement / prior information notice was published',
  })
  @IsOptional()
  @IsISO8601(ISO_INSTANT)
  priorNoticePublishedAt?: string;
}

/**
 * A whole notice that passes validation, for the OpenAPI document (`POST /tenders`): the weights sum
 * to 100 and the deadlines lie far enough ahead to satisfy every minimum for decades (a fixed
 * document cannot hold dates relative to today; test/openapi/typed-client.e2e-spec.ts drafts it).
 */
export const NOTICE_TERMS_EXAMPLE = {
  title: 'Body-worn cameras and digital evidence management',
  description: 'Supply, hosting and support of body-worn video for a police force.',
  cpvCodes: ['35125300-2'],
  estimatedValue: { amount: 50_000_000, currency: 'GBP' },
  procedure: 'open',
  awardCriteria: [
    { id: 'quality', name: 'Technical quality', weight: 50, kind: 'quality' },
    { id: 'social-value', name: 'Social value', weight: 10, kind: 'quality' },
    { id: 'price', name: 'Price', weight: 40, kind: 'price' },
  ],
  scoringScale: { min: 0, max: 10 },
  minimumBids: 2,
  evaluatorCount: 2,
  clarificationDeadline: '2099-03-01T12:00:00Z',
  submissionDeadline: '2099-03-31T12:00:00Z',
  minimumResponseDays: 25,
  jurisdiction: 'uk-pa-2023',
};

export class NoticeTermsDto {
  @ApiProperty({ example: 'Body-worn cameras and evidence management' })
  @IsString()
  @Length(1, 300)
  title!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 20_000)
  description!: string;

  @ApiProperty({ example: ['72000000-5'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(/^\d{8}-\d$/, { each: true, message: 'each CPV code looks like 72000000-5' })
  cpvCodes!: string[];

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  estimatedValue!: MoneyDto;

  @ApiProperty({ enum: PROCEDURES })
  @IsIn(PROCEDURES)
  procedure!: Procedure;

  @ApiProperty({ type: [AwardCriterionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AwardCriterionDto)
  awardCriteria!: AwardCriterionDto[];

  @ApiProperty({ type: ScoringScaleDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ScoringScaleDto)
  scoringScale!: ScoringScaleDto;

  @ApiPropertyOptional({ enum: PRICE_SCORING_METHODS, default: 'relative-to-lowest' })
  @IsOptional()
  @IsIn(PRICE_SCORING_METHODS)
  priceScoring?: PriceScoring;

  @ApiProperty({ type: 'integer', minimum: 2, example: 3 })
  @IsInt()
  @Min(2)
  @Max(1000)
  minimumBids!: number;

  @ApiProperty({ type: 'integer', minimum: 2, example: 3 })
  @IsInt()
  @Min(2)
  @Max(50)
  evaluatorCount!: number;

  @ApiProperty({ format: 'date-time', example: '2099-03-01T12:00:00Z' })
  @IsISO8601(ISO_INSTANT)
  clarificationDeadline!: string;

  @ApiProperty({ format: 'date-time', example: '2099-03-31T12:00:00Z' })
  @IsISO8601(ISO_INSTANT)
  submissionDeadline!: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 25 })
  @IsInt()
  @Min(1)
  @Max(365)
  minimumResponseDays!: number;

  @ApiProperty({ enum: JURISDICTIONS })
  @IsIn(JURISDICTIONS)
  jurisdiction!: Jurisdiction;

  @ApiPropertyOptional({
    default: true,
    description:
      'false where part of the tender must be submitted by other means (samples, models)',
  })
  @IsOptional()
  @IsBoolean()
  electronicSubmission?: boolean;

  @ApiPropertyOptional({ type: ReducedTenderingPeriodDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReducedTenderingPeriodDto)
  reducedTenderingPeriod?: ReducedTenderingPeriodDto;
}
