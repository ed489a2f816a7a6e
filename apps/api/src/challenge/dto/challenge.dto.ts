import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { CHALLENGE_GROUNDS, CHALLENGE_OUTCOMES, CHALLENGE_REMEDIES } from '@fairtender/domain';
import { RECORD_ID } from '../../http/id-params';

// Listed grounds, outcomes and remedies, and texts that say enough, are the domain's rules (422).
export class LodgeChallengeDto {
  @ApiPropertyOptional({
    description:
      'Your id for the challenge (a retry with the same id and text is not a second one)',
  })
  @IsOptional()
  @Matches(RECORD_ID, { message: 'challengeId must be 1 to 64 of A-Z a-z 0-9 _ -' })
  challengeId?: string;

  @ApiProperty({ enum: CHALLENGE_GROUNDS, isArray: true, example: ['evaluation-error'] })
  @IsArray()
  @ArrayMaxSize(CHALLENGE_GROUNDS.length)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  grounds!: string[];

  @ApiProperty({
    example: 'The panel scored social value on a criterion the notice never published.',
  })
  @IsString()
  @MaxLength(20_000)
  text!: string;
}

export class ResolveChallengeDto {
  @ApiProperty({ enum: CHALLENGE_OUTCOMES })
  @IsString()
  @Length(1, 50)
  outcome!: string;

  @ApiPropertyOptional({ enum: CHALLENGE_REMEDIES, description: 'Only for an upheld challenge' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  remedy?: string;

  @ApiProperty({
    example: 'The tribunal found the social value criterion was applied unpublished.',
  })
  @IsString()
  @MaxLength(10_000)
  reason!: string;
}
