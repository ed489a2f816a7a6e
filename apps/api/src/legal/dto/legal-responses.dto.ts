import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorDto, DATE_TIME, OPEN_OBJECT } from '../../http/responses.dto';

export class HistoryEntryDto {
  @ApiProperty({ example: '108099-1' }) position!: string;
  @ApiProperty() streamName!: string;
  @ApiProperty({ example: 'TenderDrafted' }) type!: string;
  @ApiProperty(DATE_TIME) recordedAt!: string;
  @ApiPropertyOptional({ enum: [true], description: 'A sealed bid event: only that it happened' })
  sealed?: true;

  @ApiPropertyOptional({ type: 'integer' }) revision?: number;
  @ApiPropertyOptional({ format: 'uuid' }) eventId?: string;
  @ApiPropertyOptional({ type: 'integer' }) version?: number;
  @ApiPropertyOptional({ type: ActorDto, nullable: true }) actor?: ActorDto | null;
  @ApiPropertyOptional() correlationId?: string;
  @ApiPropertyOptional() causationId?: string;
  @ApiPropertyOptional() previousHash?: string;
  @ApiPropertyOptional() hash?: string;
  @ApiPropertyOptional(OPEN_OBJECT) data?: Record<string, unknown>;
  @ApiPropertyOptional({ type: [String], description: 'Paths withheld while sealed' })
  withheld?: string[];
}

export class HistoryPageDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty({ description: 'The bids are not opened yet' }) sealed!: boolean;
  @ApiProperty({ type: [HistoryEntryDto] }) items!: HistoryEntryDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor`; null at the end' })
  nextCursor!: string | null;
}

export class AsOfDto {
  @ApiProperty({ type: String, nullable: true }) position!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) recordedAt!: string | null;
  @ApiProperty({ type: 'integer' }) events!: number;
}

export class RefusalCountsDto {
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  byType!: Record<string, number>;
}

/** The tender as the deciders saw it at a moment (docs/legal-replay.md). */
export class TenderStateViewDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty({ description: 'The moment asked for (a time or a position)' }) moment!: string;
  @ApiProperty({ type: AsOfDto }) asOf!: AsOfDto;
  @ApiProperty({ ...OPEN_OBJECT, description: 'The tender state, sealed parts withheld' })
  tender!: Record<string, unknown>;

  @ApiProperty(OPEN_OBJECT) bids!: Record<string, unknown>;
  @ApiProperty(OPEN_OBJECT) evaluators!: Record<string, unknown>;
  @ApiProperty({ type: RefusalCountsDto }) refusals!: RefusalCountsDto;
  @ApiProperty({ type: 'integer' }) auditRecords!: number;
}

export class DiffMomentDto extends AsOfDto {
  @ApiProperty() moment!: string;
}

/** A value of any JSON type (a changed part of the state). */
const ANY_JSON = {
  description: 'Any JSON value, null included',
  anyOf: [
    { type: 'string', nullable: true },
    { type: 'number', nullable: true },
    { type: 'boolean', nullable: true },
    { type: 'array', items: {}, nullable: true },
    { type: 'object', additionalProperties: true, nullable: true },
  ],
};

export class StateChangeDto {
  @ApiProperty({ example: 'tender.stage' }) path!: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) kind!: string;
  @ApiPropertyOptional(ANY_JSON) from?: unknown;
  @ApiPropertyOptional(ANY_JSON) to?: unknown;
}

export class TenderDiffDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty({ type: DiffMomentDto }) from!: DiffMomentDto;
  @ApiProperty({ type: DiffMomentDto }) to!: DiffMomentDto;
  @ApiProperty({ type: [String] }) changed!: string[];
  @ApiProperty({ type: [StateChangeDto] }) changes!: StateChangeDto[];
}

export class StreamHeadDto {
  @ApiProperty() streamName!: string;
  @ApiProperty({ type: 'integer' }) events!: number;
  @ApiProperty({ type: 'integer' }) headRevision!: number;
  @ApiProperty() headHash!: string;
}

export class ChainBreakDto {
  @ApiProperty() streamName!: string;
  @ApiProperty({ type: 'integer', nullable: true }) revision!: number | null;
  @ApiProperty({ example: 'content-changed' }) reason!: string;
  @ApiProperty({ type: String, nullable: true }) expectedHash!: string | null;
  @ApiProperty({ type: String, nullable: true }) actualHash!: string | null;
  @ApiProperty({ type: String, nullable: true }) position!: string | null;
  @ApiPropertyOptional({ type: 'integer' }) line?: number;
  @ApiProperty() message!: string;
}

export class VerificationReportDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() intact!: boolean;
  @ApiProperty({ type: String, nullable: true }) upTo!: string | null;
  @ApiProperty({ type: 'integer' }) eventsChecked!: number;
  @ApiProperty({ type: 'integer' }) anchorsChecked!: number;
  @ApiProperty({ type: [StreamHeadDto] }) streams!: StreamHeadDto[];
  @ApiProperty({ type: 'integer' }) sealedEvents!: number;
  @ApiProperty({ type: ChainBreakDto, nullable: true }) firstBreak!: ChainBreakDto | null;
  @ApiProperty({ type: [ChainBreakDto] }) breaks!: ChainBreakDto[];
  @ApiProperty({ ...OPEN_OBJECT, nullable: true }) documents!: Record<string, unknown> | null;
}
