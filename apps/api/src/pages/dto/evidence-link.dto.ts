import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, Validate } from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';
import { ValidatorConstraint } from 'class-validator';
import type { EvidencePage } from '@fairtender/domain';
import { isTimeZone } from '@fairtender/legal';

export const EVIDENCE_PAGES: readonly EvidencePage[] = ['timeline', 'integrity'];
/** Minutes a link opens its page for: 30 by default, a working day at most. */
export const DEFAULT_LINK_MINUTES = 30;
export const MAX_LINK_MINUTES = 24 * 60;

@ValidatorConstraint({ name: 'isTimeZone' })
class IsTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isTimeZone(value);
  }
  defaultMessage(): string {
    return 'timeZone must be an IANA time zone, e.g. Europe/London';
  }
}

export class CreateEvidenceLinkDto {
  @ApiProperty({
    enum: EVIDENCE_PAGES,
    description:
      'timeline: the evidence as a legal record (legal, auditor); integrity: the integrity report with its pictures (officer, legal, auditor)',
    example: 'timeline',
  })
  @IsIn(EVIDENCE_PAGES)
  page!: EvidencePage;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_LINK_MINUTES,
    default: DEFAULT_LINK_MINUTES,
    description: 'How long the link opens the page',
    example: 30,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_LINK_MINUTES)
  expiresInMinutes?: number;

  @ApiPropertyOptional({
    description: 'IANA time zone the page writes times in (default Europe/London)',
    example: 'Europe/London',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Validate(IsTimeZone)
  timeZone?: string;
}

export class EvidenceLinkDto {
  @ApiProperty({ format: 'uuid', description: 'Recorded with the issue and with every view' })
  linkId!: string;
  @ApiProperty({ enum: EVIDENCE_PAGES }) page!: EvidencePage;
  @ApiProperty({
    description:
      'The page, on the host the request came to; anyone holding it reads the page as you until it expires',
    example:
      'http://localhost:3000/pages/tenders/0d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6/timeline?link=ftl1.…',
  })
  url!: string;
  @ApiProperty({
    description: 'The same, as a path',
    example: '/pages/tenders/0d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6/timeline?link=ftl1.…',
  })
  path!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ example: 'Europe/London' }) timeZone!: string;
}
