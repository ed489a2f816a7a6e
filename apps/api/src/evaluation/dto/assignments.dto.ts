import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ASSIGNMENT_STATUSES } from '@fairtender/domain';
import { PageQueryDto } from '../../http/page';
import { DATE_TIME } from '../../http/responses.dto';

/** The stages a tender with a panel can be at. */
export const ASSIGNMENT_STAGES = [
  'evaluation',
  'standstill',
  'contracted',
  'unsuccessful',
  'cancelled',
] as const;
const STATUS_FILTERS = [...ASSIGNMENT_STATUSES, 'all'] as const;
const MEMBERSHIPS = ['appointed', 'accepted', 'removed'] as const;

/** `GET /assignments`: the page, and which of the evaluator's seats. */
export class ListOwnAssignmentsDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: STATUS_FILTERS,
    default: 'all',
    description:
      '`to-score`: it still owes an acceptance, declarations, scores or its submission; `done`: it submitted for the current round; `closed`: nothing is asked of it',
  })
  @IsOptional()
  @IsIn(STATUS_FILTERS)
  status?: (typeof STATUS_FILTERS)[number];

  @ApiPropertyOptional({ enum: ASSIGNMENT_STAGES, description: 'Only tenders at this stage' })
  @IsOptional()
  @IsIn(ASSIGNMENT_STAGES)
  stage?: (typeof ASSIGNMENT_STAGES)[number];
}

/** One seat on a panel and the work asked of it there. */
export class EvaluatorAssignmentDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty() buyerOrganisationId!: string;
  @ApiProperty({ enum: ASSIGNMENT_STAGES }) stage!: string;
  @ApiProperty({
    type: 'integer',
    description: 'The evaluation round (2 and on after a reopening)',
  })
  round!: number;
  @ApiProperty({
    enum: MEMBERSHIPS,
    description:
      '`appointed`: named, the seat not yet accepted; `removed`: left off a later appointment',
  })
  membership!: string;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES }) status!: string;
  @ApiProperty({
    type: 'integer',
    description: 'Compliant bids it has not declared a conflict with: the ones it scores',
  })
  bidsToScore!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Opened bids without a compliance decision yet: they may still come to it',
  })
  bidsAwaitingCompliance!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Compliant bids it has not yet declared a conflict of interest on, either way',
  })
  declarationsDue!: number;
  @ApiProperty({ type: 'integer', description: '`bidsToScore` × the quality criteria' })
  cellsExpected!: number;
  @ApiProperty({ type: 'integer', description: 'Of those, the ones scored with a justification' })
  cellsScored!: number;
  @ApiProperty({
    ...DATE_TIME,
    nullable: true,
    description: 'When it submitted its scores for the current round; null until it has',
  })
  submittedAt!: string | null;
  @ApiProperty({ ...DATE_TIME, description: 'When the appointment naming it was made' })
  appointedAt!: string;
  @ApiProperty({
    ...DATE_TIME,
    description: 'When the last event of the evaluation concerning this seat happened',
  })
  updatedAt!: string;
}

export class EvaluatorAssignmentPageDto {
  @ApiProperty({ type: [EvaluatorAssignmentDto] }) items!: EvaluatorAssignmentDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass back as cursor; null on the last page',
  })
  nextCursor!: string | null;
}
