import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_TIME, MoneyResponseDto, OPEN_OBJECT } from '../../http/responses.dto';

export class RankingTotalDto {
  @ApiProperty() supplierId!: string;
  @ApiProperty({ type: 'integer' }) rank!: number;
  @ApiProperty() total!: number;
}

export class AwardDecisionDto {
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty() supplierId!: string;
  @ApiProperty(DATE_TIME) proposedAt!: string;
  @ApiProperty({ type: [RankingTotalDto] }) ranking!: RankingTotalDto[];
  @ApiProperty({ type: [String] }) topRanked!: string[];
  @ApiProperty({
    type: [String],
    description: 'Each departure from the ranking (`direct-award`, `winner-not-top-ranked`, …)',
  })
  departures!: string[];

  @ApiPropertyOptional() confirmedBySecondOfficer?: boolean;
  @ApiPropertyOptional(OPEN_OBJECT) departureJustification?: Record<string, unknown>;
  @ApiPropertyOptional(OPEN_OBJECT) moderation?: Record<string, unknown>;
  @ApiPropertyOptional(OPEN_OBJECT) directAward?: Record<string, unknown>;
}

export class AwardBidsDto {
  @ApiProperty({ type: 'integer' }) assessed!: number;
  @ApiProperty({ type: 'integer' }) compliant!: number;
  @ApiProperty({ type: 'integer' }) excluded!: number;
}

export class StandstillDto {
  @ApiProperty({ example: 'uk-pa-2023' }) jurisdiction!: string;
  @ApiProperty(DATE_TIME) startsAt!: string;
  @ApiProperty(DATE_TIME) endsAt!: string;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'date' } }) countedDays!: string[];
  @ApiProperty({ description: 'The legal basis, in words' }) basis!: string;
  @ApiPropertyOptional(DATE_TIME) endedAt?: string;
}

export class PeriodDto {
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date' }) endDate!: string;
}

export class ContractViewDto {
  @ApiProperty() contractId!: string;
  @ApiProperty() supplierId!: string;
  @ApiProperty(DATE_TIME) concludedAt!: string;
  @ApiProperty({ type: MoneyResponseDto }) originalValue!: MoneyResponseDto;
  @ApiProperty({ type: PeriodDto }) originalPeriod!: PeriodDto;
  @ApiProperty({ type: MoneyResponseDto }) value!: MoneyResponseDto;
  @ApiProperty({ type: PeriodDto }) period!: PeriodDto;
}

export class SuspensionDto {
  @ApiProperty() suspended!: boolean;
  @ApiProperty({ type: 'integer' }) openChallenges!: number;
}

/** The public award notice (docs/api.md "Evaluation to contract"). */
export class AwardNoticeDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() buyerOrganisationId!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ type: AwardDecisionDto }) award!: AwardDecisionDto;
  @ApiProperty({ type: AwardBidsDto }) bids!: AwardBidsDto;
  @ApiProperty({ type: StandstillDto, nullable: true }) standstill!: StandstillDto | null;
  @ApiProperty({ type: SuspensionDto }) suspension!: SuspensionDto;
  @ApiPropertyOptional(OPEN_OBJECT) cancellation?: Record<string, unknown>;
  @ApiProperty({ type: ContractViewDto, nullable: true, description: 'As concluded and changed' })
  contract!: ContractViewDto | null;

  @ApiProperty({ type: 'array', items: OPEN_OBJECT }) changeNotices!: Record<string, unknown>[];
}

/** What one bidder is told: its scores and the winner's, with the reasons. */
export class AssessmentSummaryDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty(DATE_TIME) issuedAt!: string;
  @ApiProperty() awardStands!: boolean;
  @ApiProperty(OPEN_OBJECT) summary!: Record<string, unknown>;
}
