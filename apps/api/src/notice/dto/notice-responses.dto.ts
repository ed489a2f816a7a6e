import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_TIME, MoneyResponseDto, OPEN_OBJECT } from '../../http/responses.dto';

export class CriterionResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer', description: 'Percent; the weights sum to 100' }) weight!: number;
  @ApiProperty({ enum: ['quality', 'price'] }) kind!: string;
}

export class ScaleResponseDto {
  @ApiProperty({ type: 'integer' }) min!: number;
  @ApiProperty({ type: 'integer' }) max!: number;
}

export class ClarificationResponseDto {
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty() question!: string;
  @ApiProperty(DATE_TIME) askedAt!: string;
  @ApiProperty({ type: String, nullable: true }) answer!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) answeredAt!: string | null;
}

/** A published notice as anyone reads it: its terms, amendments and answered questions. */
export class PublicNoticeDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() buyerOrganisationId!: string;
  @ApiProperty({ example: 'tendering' }) stage!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: [String], nullable: true }) cpvCodes!: string[] | null;
  @ApiProperty({ type: MoneyResponseDto, nullable: true }) estimatedValue!: MoneyResponseDto | null;
  @ApiProperty({ type: String, example: 'open', nullable: true }) procedure!: string | null;
  @ApiProperty({ type: [CriterionResponseDto], nullable: true }) awardCriteria!:
    CriterionResponseDto[] | null;
  @ApiProperty({ type: ScaleResponseDto, nullable: true }) scoringScale!: ScaleResponseDto | null;
  @ApiProperty({ type: 'integer', nullable: true }) minimumBids!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) evaluatorCount!: number | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) clarificationDeadline!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) submissionDeadline!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) minimumResponseDays!: number | null;
  @ApiProperty({ type: String, example: 'uk-pa-2023', nullable: true }) jurisdiction!:
    string | null;
  @ApiProperty({ type: 'integer' }) noticeVersion!: number;
  @ApiProperty({ ...DATE_TIME, nullable: true }) publishedAt!: string | null;
  @ApiPropertyOptional({
    ...OPEN_OBJECT,
    nullable: true,
    description: 'The statutory minimum tendering period applied (docs/rules.md)',
  })
  tenderingPeriod?: Record<string, unknown> | null;

  @ApiProperty({ ...DATE_TIME, nullable: true }) lastAmendedAt!: string | null;
  @ApiProperty({ type: 'array', items: OPEN_OBJECT }) amendments!: Record<string, unknown>[];
  @ApiProperty({ ...DATE_TIME, nullable: true }) closedAt!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) openedAt!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) cancelledAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancellationReason!: string | null;
  @ApiProperty({ type: [ClarificationResponseDto] }) clarifications!: ClarificationResponseDto[];
}

export class NoticePageDto {
  @ApiProperty({ type: [PublicNoticeDto] }) items!: PublicNoticeDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor`; null at the end' })
  nextCursor!: string | null;
}

/** The buyer's own view: drafts too, and every question, answered or not. */
export class BuyerTenderDto extends PublicNoticeDto {
  @ApiProperty(DATE_TIME) draftedAt!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
}
