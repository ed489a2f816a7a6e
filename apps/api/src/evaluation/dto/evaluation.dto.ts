import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { EXCLUSION_REASON_CODES } from '@fairtender/domain';

// Types and sizes are checked here; whether a code is one of the listed ones and a reason or a
// justification says enough are the domain's rules (422 EXCLUSION_UNREASONED, SCORE_UNJUSTIFIED…),
// so short texts and unknown codes pass this layer on purpose and are refused with the rule's code.
const CRITERION_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const USER_ID = /^[A-Za-z0-9_.@-]{1,128}$/;

export class RecordComplianceDto {
  @ApiProperty({ enum: ['passed', 'excluded'] })
  @IsIn(['passed', 'excluded'])
  decision!: 'passed' | 'excluded';

  @ApiPropertyOptional({ enum: EXCLUSION_REASON_CODES, description: 'Required to exclude' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reasonCode?: string;

  @ApiPropertyOptional({
    example: 'The method statement does not cover evidence retention for 7 years.',
    description:
      "Required to exclude: what exactly failed, in this bid's own terms (the rule for reasons: 6 words, 4 of them content words, no padding)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  reasonText?: string;

  @ApiPropertyOptional({
    example: 'quality',
    description:
      "Required to exclude: the notice's award criterion id, or the requirement named for the reason code (EXCLUSION_REQUIREMENTS)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  requirement?: string;
}

export class AppointPanelDto {
  @ApiProperty({ example: ['evaluator-eve', 'evaluator-evan'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @Matches(USER_ID, { each: true, message: 'each evaluator id must be a user id' })
  evaluatorIds!: string[];
}

export class DeclareConflictDto {
  @ApiProperty({ description: 'true: a conflict of interest with this supplier (removes you)' })
  @IsBoolean()
  conflict!: boolean;

  @ApiPropertyOptional({ description: 'Required with a conflict: what the interest is' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  statement?: string;
}

export class CriterionScoreDto {
  @ApiProperty({ example: 'quality' })
  @Matches(CRITERION_ID, { message: 'criterionId must be a criterion id' })
  criterionId!: string;

  @ApiProperty({ example: 8, description: "On the notice's scoring scale" })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  score!: number;

  @ApiProperty({
    example: 'Docking and retention fully meet the specification; training plan thin.',
  })
  @IsString()
  @MaxLength(10_000)
  justification!: string;
}

export class ScoreBidDto {
  @ApiProperty({ type: [CriterionScoreDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  scores!: CriterionScoreDto[];
}

export class ModerateScoreDto {
  @ApiProperty({ example: 'acme' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'supplierId must be a supplier id' })
  supplierId!: string;

  @ApiProperty({ example: 'quality' })
  @Matches(CRITERION_ID, { message: 'criterionId must be a criterion id' })
  criterionId!: string;

  @ApiProperty({ example: 7 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  agreedScore!: number;

  @ApiPropertyOptional({ description: "Required where it differs from an evaluator's score" })
  @IsOptional()
  @IsString()
  @Length(0, 5000)
  reason?: string;
}

export class ConfirmModerationDto {
  @ApiProperty({ example: 'acme' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'supplierId must be a supplier id' })
  supplierId!: string;

  @ApiProperty({ example: 'quality' })
  @Matches(CRITERION_ID, { message: 'criterionId must be a criterion id' })
  criterionId!: string;

  @ApiProperty({ example: 3, description: 'The requested agreed score being confirmed' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  agreedScore!: number;

  @ApiProperty({ description: "The confirming officer's own reason (published with the award)" })
  @IsString()
  @Length(0, 5000)
  reason!: string;
}
