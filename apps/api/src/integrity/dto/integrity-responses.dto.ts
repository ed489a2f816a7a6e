import { ApiProperty } from '@nestjs/swagger';
import { DATE_TIME, OPEN_OBJECT } from '../../http/responses.dto';

export class RedFlagDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() buyerOrganisationId!: string;
  @ApiProperty({ description: 'Unique per flag on its tender' }) key!: string;
  @ApiProperty({ example: 'FT-WINNER-NOT-TOP-RANKED' }) code!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) supplierId!: string | null;
  @ApiProperty(DATE_TIME) raisedAt!: string;
  @ApiProperty({ ...OPEN_OBJECT, description: 'The facts that raised it' })
  evidence!: Record<string, unknown>;
}

export class RedFlagPageDto {
  @ApiProperty({ type: [RedFlagDto] }) items!: RedFlagDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor`; null at the end' })
  nextCursor!: string | null;
}

export class IntegrityCountsDto {
  @ApiProperty({ type: 'integer' }) received!: number;
  @ApiProperty({ type: 'integer' }) compliant!: number;
  @ApiProperty({ type: 'integer' }) excluded!: number;
  @ApiProperty({ type: 'integer' }) awaitingCompliance!: number;
  @ApiProperty({ type: 'integer' }) fullyEvaluated!: number;
}

/** A tender's integrity report (docs/integrity.md): the figures the award rules check, live. */
export class TenderIntegrityDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() buyerOrganisationId!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty() sealed!: boolean;
  @ApiProperty({ type: IntegrityCountsDto }) counts!: IntegrityCountsDto;
  @ApiProperty({ type: 'array', items: OPEN_OBJECT }) bids!: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: OPEN_OBJECT }) excluded!: Record<string, unknown>[];
  @ApiProperty({ type: 'array', items: OPEN_OBJECT }) panel!: Record<string, unknown>[];
  @ApiProperty({ ...OPEN_OBJECT, description: 'bid × evaluator × criterion' })
  coverage!: Record<string, unknown>;

  @ApiProperty({ type: 'array', items: OPEN_OBJECT }) openViolations!: Record<string, unknown>[];
  @ApiProperty(OPEN_OBJECT) moderation!: Record<string, unknown>;
  @ApiProperty(OPEN_OBJECT) award!: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: OPEN_OBJECT }) redFlags!: Record<string, unknown>[];
  @ApiProperty({ description: 'The read model position the report is as of' }) position!: string;
}
