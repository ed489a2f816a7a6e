import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * Response shapes several areas share (docs/api.md#the-contract). Each response DTO describes what a
 * route answers; the OpenAPI document is generated from them, so a client generated from
 * openapi.json needs no casts.
 */

/** An object whose keys the route does not fix (event data, state, evidence). */
export const OPEN_OBJECT = { type: 'object', additionalProperties: true } as const;

export const DATE_TIME = { type: 'string', format: 'date-time' } as const;

export class MoneyResponseDto {
  @ApiProperty({ description: 'Up to two decimal places', example: 41_000_000 })
  amount!: number;

  @ApiProperty({ example: 'GBP', description: 'ISO 4217' })
  currency!: string;
}

/** What a notice command answers: where the tender now stands, and where its stream is. */
export class TenderCommandResultDto {
  @ApiProperty({ format: 'uuid' })
  tenderId!: string;

  @ApiProperty({ example: 'tendering' })
  stage!: string;

  @ApiProperty({ type: 'integer' })
  noticeVersion!: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Stream revision after the command; null only for a tender without events',
  })
  revision!: number | null;

  @ApiPropertyOptional({
    description:
      'Global position of the last event written (absent when nothing changed); send it back as X-Min-Position',
    example: '108099-1',
  })
  position?: string;

  @ApiProperty({ type: [String], description: 'The events recorded, by type' })
  recorded!: string[];
}

/** Evaluation, award, challenge and contract commands: the same, plus the stream written. */
export class LifecycleCommandResultDto extends TenderCommandResultDto {
  @ApiProperty({ example: 'tender-2d5e084f-fcff-4d74-9807-aa83a0cfc8a3' })
  streamName!: string;
}

export class ClarificationAskedDto extends TenderCommandResultDto {
  @ApiProperty({ format: 'uuid' })
  questionId!: string;
}

export class ChallengeLodgedDto extends LifecycleCommandResultDto {
  @ApiProperty()
  challengeId!: string;
}

export class ContractConcludedDto extends LifecycleCommandResultDto {
  @ApiProperty({ format: 'uuid' })
  contractId!: string;
}

export class ContractChangeRequestedDto extends LifecycleCommandResultDto {
  @ApiProperty()
  changeId!: string;
}

export class ActorDto {
  @ApiProperty({ enum: ['supplier', 'officer', 'evaluator', 'legal', 'auditor', 'system'] })
  role!: string;

  @ApiProperty()
  userId!: string;

  @ApiProperty()
  organisationId!: string;
}

/** The health check's answer (Terminus): `ok` when every dependency answers. */
export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] })
  status!: string;

  @ApiPropertyOptional(OPEN_OBJECT)
  info?: Record<string, unknown>;

  @ApiPropertyOptional(OPEN_OBJECT)
  error?: Record<string, unknown>;

  @ApiPropertyOptional(OPEN_OBJECT)
  details?: Record<string, unknown>;
}
