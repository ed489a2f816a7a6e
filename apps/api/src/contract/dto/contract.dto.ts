import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsDefined,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { RECORD_ID } from '../../http/id-params';
import { PERFORMANCE_RATINGS, SCHEDULE_8_GROUNDS, TERMINATION_REASONS } from '@fairtender/domain';

const CURRENCY = /^[A-Z]{3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ContractValueDto {
  @ApiProperty({ example: 42_000_000 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(1e15)
  amount!: number;

  @ApiProperty({ example: 'GBP' })
  @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code such as GBP' })
  currency!: string;
}

/** Added value: 0, or negative for a reduction. */
export class AddedValueDto {
  @ApiProperty({ example: 4_000_000 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(-1e15)
  @Max(1e15)
  amount!: number;

  @ApiProperty({ example: 'GBP' })
  @Matches(CURRENCY, { message: 'currency must be an ISO 4217 code such as GBP' })
  currency!: string;
}

export class ContractPeriodDto {
  @ApiProperty({ format: 'date', example: '2027-01-01' })
  @Matches(DATE, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate!: string;

  @ApiProperty({ format: 'date', example: '2029-12-31', description: 'Inclusive' })
  @Matches(DATE, { message: 'endDate must be a date YYYY-MM-DD' })
  endDate!: string;
}

export class KpiDto {
  @ApiProperty({ example: 'availability' })
  @Matches(RECORD_ID, { message: 'kpiId must be 1 to 64 of A-Z a-z 0-9 _ -' })
  kpiId!: string;

  @ApiProperty({ example: 'Camera availability' })
  @IsString()
  @Length(1, 300)
  name!: string;

  @ApiProperty({ example: 'Share of shift hours with a working camera' })
  @IsString()
  @Length(1, 2000)
  measure!: string;

  @ApiProperty({ example: 'At least 98 %' })
  @IsString()
  @Length(1, 2000)
  target!: string;

  @ApiProperty({ example: 3, description: 'Months between assessments, 1 to 12 (s.71(2))' })
  @IsInt()
  @Min(1)
  @Max(1200)
  frequencyMonths!: number;
}

export class AuditCheckpointDto {
  @ApiProperty({ example: 'review-1' })
  @Matches(RECORD_ID, { message: 'checkpointId must be 1 to 64 of A-Z a-z 0-9 _ -' })
  checkpointId!: string;

  @ApiProperty({ example: '2027-06-30' })
  @Matches(DATE, { message: 'dueDate must be a date YYYY-MM-DD' })
  dueDate!: string;

  @ApiProperty({ example: 'Six-month review of availability and data retention' })
  @IsString()
  @Length(1, 2000)
  description!: string;
}

/** KPIs or dated checkpoints, the oversight body that reviews them, where its reports are published. */
export class AuditPlanDto {
  @ApiProperty({ example: 'oversight', description: 'The organisation of the reviewing auditors' })
  @IsString()
  @Length(1, 200)
  oversightBodyId!: string;

  @ApiProperty({ example: 'https://oversight.example/reports/pilot' })
  @IsString()
  @MaxLength(2000)
  publicationUrl!: string;

  @ApiProperty({ type: [AuditCheckpointDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AuditCheckpointDto)
  checkpoints!: AuditCheckpointDto[];

  @ApiProperty({ type: [String], description: 'KPIs of the contract the plan reviews' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  kpiIds!: string[];
}

/** Why a change is lawful (PA 2023 s.74(1)); the computed tests are the domain's (422). */
export class ModificationBasisDto {
  @ApiProperty({ enum: ['permitted', 'not-substantial', 'below-threshold'] })
  @IsIn(['permitted', 'not-substantial', 'below-threshold'])
  kind!: 'permitted' | 'not-substantial' | 'below-threshold';

  @ApiPropertyOptional({
    enum: Object.keys(SCHEDULE_8_GROUNDS),
    description: 'For `permitted`: the Schedule 8 ground',
  })
  @IsOptional()
  @IsIn(Object.keys(SCHEDULE_8_GROUNDS))
  ground?: string;

  @ApiPropertyOptional({
    description:
      'For `not-substantial`: true, the officer declares no material change of scope or economic balance in the supplier’s favour (s.74(3)(b)-(c))',
  })
  @IsOptional()
  @Equals(true, { message: 'declaresNoMaterialChange, when given, is true' })
  declaresNoMaterialChange?: true;
}

export class ConcludeContractDto {
  @ApiPropertyOptional({
    type: ContractValueDto,
    description:
      'The awarded price when left out; when given it must be the awarded price (422 CONTRACT_VALUE_MISMATCH): the contract is the award',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContractValueDto)
  value?: ContractValueDto;

  @ApiProperty({ type: ContractPeriodDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ContractPeriodDto)
  period!: ContractPeriodDto;

  @ApiPropertyOptional({
    example: 24,
    description:
      'Whole months including extension options; the notice’s, or the period, when left out',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1200)
  maximumTermMonths?: number;

  @ApiPropertyOptional({
    type: [KpiDto],
    description: 'At least three above the configured value (default £5m, s.52): 422 KPIS_REQUIRED',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => KpiDto)
  kpis?: KpiDto[];

  @ApiPropertyOptional({ description: 'A pilot needs an audit plan (422 AUDIT_PLAN_REQUIRED)' })
  @IsOptional()
  @IsBoolean()
  pilot?: boolean;

  @ApiPropertyOptional({ type: AuditPlanDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditPlanDto)
  auditPlan?: AuditPlanDto;
}

// The kind, a justification that says enough, and the contract's currency are the domain's rules (422).
export class RequestContractChangeDto {
  @ApiPropertyOptional({ description: 'Your id for the change (server-chosen when absent)' })
  @IsOptional()
  @Matches(RECORD_ID, { message: 'changeId must be 1 to 64 of A-Z a-z 0-9 _ -' })
  changeId?: string;

  @ApiProperty({ enum: ['modification', 'extension'] })
  @IsString()
  @Length(1, 50)
  kind!: string;

  @ApiProperty({ example: 'Extend the pilot by 12 months' })
  @IsString()
  @Length(1, 5000)
  description!: string;

  @ApiProperty({ example: 'The replacement procurement was delayed by the force restructure.' })
  @IsString()
  @MaxLength(10_000)
  justification!: string;

  @ApiProperty({ type: AddedValueDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => AddedValueDto)
  addedValue!: AddedValueDto;

  @ApiProperty({
    type: 'integer',
    example: 12,
    description: 'Whole months added to the contract period',
  })
  @IsInt()
  @Min(0)
  @Max(1200)
  addedMonths!: number;

  @ApiPropertyOptional({
    type: ModificationBasisDto,
    description: 'Required by the domain (422 INVALID_CHANGE without it): why the change is lawful',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ModificationBasisDto)
  basis?: ModificationBasisDto;

  @ApiPropertyOptional({
    type: AuditPlanDto,
    description:
      'Required for an extension and for any change of a pilot (422 AUDIT_PLAN_REQUIRED)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditPlanDto)
  auditPlan?: AuditPlanDto;

  @ApiPropertyOptional({
    description:
      'The voluntary standstill of s.76: the change takes effect 8 working days after its notice',
  })
  @IsOptional()
  @IsBoolean()
  voluntaryStandstill?: boolean;
}

export class RecordAssessmentDto {
  @ApiProperty({ example: 'availability' })
  @Matches(RECORD_ID, { message: 'kpiId must be 1 to 64 of A-Z a-z 0-9 _ -' })
  kpiId!: string;

  @ApiProperty({ example: '2027-03-31', description: "One of the KPI's due dates" })
  @Matches(DATE, { message: 'dueDate must be a date YYYY-MM-DD' })
  dueDate!: string;

  @ApiProperty({ enum: PERFORMANCE_RATINGS })
  @IsIn(PERFORMANCE_RATINGS)
  rating!: string;

  @ApiProperty({ example: 'Availability 96.1 % over the quarter (monthly logs attached)' })
  @IsString()
  @Length(1, 10_000)
  evidence!: string;

  @ApiPropertyOptional({ example: 'Two cameras were replaced late by the manufacturer' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  supplierResponse?: string;
}

export class RecordOversightReviewDto {
  @ApiProperty({ enum: ['satisfactory', 'failed'] })
  @IsIn(['satisfactory', 'failed'])
  outcome!: 'satisfactory' | 'failed';

  @ApiProperty({ example: 'No availability data was kept for August' })
  @IsString()
  @Length(1, 10_000)
  findings!: string;

  @ApiProperty({ example: 'https://oversight.example/reports/pilot/1' })
  @IsString()
  @MaxLength(2000)
  reportUrl!: string;
}

export class TerminateContractDto {
  @ApiProperty({ enum: TERMINATION_REASONS })
  @IsIn(TERMINATION_REASONS)
  reason!: string;

  @ApiProperty({ example: 'The supplier failed to restore camera availability after two warnings' })
  @IsString()
  @Length(1, 10_000)
  details!: string;
}

/** What a contract command answers (the lifecycle commands' shape). */
export class ContractCommandResultDto {
  @ApiProperty() tenderId!: string;
  @ApiProperty({ example: 'contracted' }) stage!: string;
  @ApiProperty() noticeVersion!: number;
  @ApiProperty({ example: 'tender-…' }) streamName!: string;
  @ApiProperty({ nullable: true, type: Number }) revision!: number | null;
  @ApiPropertyOptional({ description: 'Send back as X-Min-Position to read your own write' })
  position?: string;
  @ApiProperty({ type: [String], example: ['PerformanceAssessed'] }) recorded!: string[];
}

/** The contract view (issue 15); nested parts are described in docs/contracts.md. */
export class ContractViewDto {
  @ApiProperty() tenderId!: string;
  @ApiProperty() contractId!: string;
  @ApiProperty() supplierId!: string;
  @ApiProperty({ enum: ['active', 'terminated'] }) status!: string;
  @ApiProperty() pilot!: boolean;
  @ApiProperty() concludedAt!: string;
  @ApiProperty({ type: ContractValueDto }) originalValue!: ContractValueDto;
  @ApiProperty({ type: ContractValueDto, description: 'After every change in force' })
  value!: ContractValueDto;
  @ApiProperty({ type: ContractPeriodDto }) originalPeriod!: ContractPeriodDto;
  @ApiProperty({ type: ContractPeriodDto }) period!: ContractPeriodDto;
  @ApiProperty({ description: 'Provided for on award, extension options included' })
  maximumTermMonths!: number;
  @ApiProperty() addedMonths!: number;
  @ApiProperty({ description: 'Months added as a % of the maximum term (s.74(3)(a))' })
  addedMonthsPercentOfMaximumTerm!: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) changes!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Each with its periods' })
  kpis!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) auditPlans!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) checkpoints!: object[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  terminated?: object;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'FT-CONTRACT-CHANGE, FT-PERFORMANCE-OVERDUE, FT-AUDIT-CHECKPOINT with evidence',
  })
  redFlags!: object[];
}
