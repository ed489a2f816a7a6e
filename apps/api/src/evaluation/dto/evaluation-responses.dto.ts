import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_TIME, MoneyResponseDto, OPEN_OBJECT } from '../../http/responses.dto';

export class DeclarationViewDto {
  @ApiProperty() supplierId!: string;
  @ApiProperty() conflict!: boolean;
  @ApiProperty(DATE_TIME) declaredAt!: string;
}

export class ScoreViewDto {
  @ApiProperty() supplierId!: string;
  @ApiProperty() criterionId!: string;
  @ApiProperty() score!: number;
  @ApiProperty() justification!: string;
  @ApiProperty(DATE_TIME) scoredAt!: string;
}

export class EvaluatorScoresDto {
  @ApiProperty() evaluatorId!: string;
  @ApiProperty() submitted!: boolean;
  @ApiProperty({ type: [DeclarationViewDto] }) declarations!: DeclarationViewDto[];
  @ApiProperty() scoresVisible!: boolean;
  @ApiProperty({ type: [ScoreViewDto] }) scores!: ScoreViewDto[];
}

/** The scores, blind (rule 3): what the reader may see of each evaluator's. */
export class ScoresViewDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty({ enum: ['own', 'panel', 'submitted', 'all'] }) sees!: string;
  @ApiProperty({ type: [String] }) criteria!: string[];
  @ApiProperty({ type: [EvaluatorScoresDto] }) evaluators!: EvaluatorScoresDto[];
  @ApiProperty({ type: 'array', items: OPEN_OBJECT }) moderated!: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: OPEN_OBJECT }) pendingModerations!: Record<
    string,
    unknown
  >[];
}

export class RankedBidDto {
  @ApiProperty() supplierId!: string;
  @ApiProperty({ type: 'integer' }) rank!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ type: MoneyResponseDto }) price!: MoneyResponseDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'criterionId → weighted-in score',
  })
  scores!: Record<string, number>;
}

export class RankingBidsDto {
  @ApiProperty({ type: 'integer' }) opened!: number;
  @ApiProperty({ type: 'integer' }) compliant!: number;
  @ApiProperty({ type: 'integer' }) excluded!: number;
  @ApiProperty({ type: 'integer' }) minimumBids!: number;
}

export class RuleViolationDto {
  @ApiProperty({ example: 'INCOMPLETE_EVALUATION' }) code!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional() evaluatorId?: string;
  @ApiPropertyOptional() supplierId?: string;
  @ApiPropertyOptional() criterionId?: string;
}

/** The system's ranking by the notice's weighted criteria, and every rule still unmet. */
export class RankingDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty({ example: 'submitted scores' }) basis!: string;
  @ApiProperty({ type: RankingBidsDto }) bids!: RankingBidsDto;
  @ApiProperty({ type: [RankedBidDto] }) ranking!: RankedBidDto[];
  @ApiProperty({ type: [RankedBidDto], description: "The panel's own scores, before moderation" })
  panelRanking!: RankedBidDto[];

  @ApiProperty(OPEN_OBJECT) moderation!: Record<string, unknown>;
  @ApiProperty({ description: 'Every rule an award needs is met' }) complete!: boolean;
  @ApiProperty({ type: [RuleViolationDto] }) violations!: RuleViolationDto[];
  @ApiProperty({ type: 'integer' }) totalViolations!: number;
}
