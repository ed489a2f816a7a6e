import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  CONFLICT_CAPACITIES,
  DIRECT_AWARD_ROUTE_GROUNDS,
  ENGAGEMENT_KINDS,
  JURISDICTIONS,
  PROCEDURES,
  type ConflictCapacity,
  type EngagementKind,
  type Jurisdiction,
} from '@fairtender/domain';
import { MoneyDto } from '../../notice/dto/notice-terms.dto';

// Shapes only here; the rules (a real reason, a listed ground, a kept supplier…) are the domain's (422).
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const USER_ID = /^[A-Za-z0-9_.@-]{1,128}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RouteDto {
  @ApiProperty({ enum: ['competitive', 'direct-award'] })
  @IsIn(['competitive', 'direct-award'])
  kind!: 'competitive' | 'direct-award';

  @ApiPropertyOptional({ enum: PROCEDURES, description: 'For a competitive route' })
  @IsOptional()
  @IsIn(PROCEDURES)
  procedure?: (typeof PROCEDURES)[number];

  @ApiPropertyOptional({
    enum: Object.keys(DIRECT_AWARD_ROUTE_GROUNDS),
    description: 'For a direct award: a ground of PA 2023 Schedule 5',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  ground?: string;

  @ApiPropertyOptional({ example: 'acme', description: 'For a direct award: the supplier' })
  @IsOptional()
  @Matches(ID, { message: 'supplierId must be a supplier id' })
  supplierId?: string;
}

export class AppraisedOptionDto {
  @ApiProperty({ example: 'Extend the current pilot with Acme' })
  @IsString()
  @Length(1, 500)
  option!: string;

  @ApiPropertyOptional({ example: 'acme' })
  @IsOptional()
  @Matches(ID, { message: 'supplierId must be a supplier id' })
  supplierId?: string;

  @ApiProperty({ enum: ['kept', 'dropped'] })
  @IsIn(['kept', 'dropped'])
  decision!: 'kept' | 'dropped';

  @ApiProperty({ description: 'Why it was kept or dropped' })
  @IsString()
  @MaxLength(5000)
  reason!: string;
}

export class OpenProcurementDto {
  @ApiProperty({
    example: 'Body-worn video cameras and evidence management for frontline officers',
  })
  @IsString()
  @MaxLength(5000)
  need!: string;

  @ApiProperty({ type: MoneyDto })
  @ValidateNested()
  @Type(() => MoneyDto)
  estimatedValue!: MoneyDto;

  @ApiProperty({ example: ['35125300-2'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  cpvCodes!: string[];

  @ApiProperty({ enum: JURISDICTIONS })
  @IsIn(JURISDICTIONS)
  jurisdiction!: Jurisdiction;

  @ApiProperty({ type: RouteDto })
  @ValidateNested()
  @Type(() => RouteDto)
  route!: RouteDto;

  @ApiProperty({ type: [AppraisedOptionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AppraisedOptionDto)
  optionsAppraisal!: AppraisedOptionDto[];

  @ApiPropertyOptional({ description: 'The earlier tender whose contract this one replaces' })
  @IsOptional()
  @Matches(ID, { message: 'replacesTenderId must be a tender id' })
  replacesTenderId?: string;

  @ApiPropertyOptional({ description: 'The supplier holding the contract being replaced' })
  @IsOptional()
  @Matches(ID, { message: 'incumbentSupplierId must be a supplier id' })
  incumbentSupplierId?: string;
}

export class ReviseProcurementPlanDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  need?: string;

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  estimatedValue?: MoneyDto;

  @ApiPropertyOptional({ type: RouteDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RouteDto)
  route?: RouteDto;

  @ApiPropertyOptional({ type: [AppraisedOptionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AppraisedOptionDto)
  optionsAppraisal?: AppraisedOptionDto[];

  @ApiProperty({ description: 'Why the plan changes' })
  @IsString()
  @MaxLength(5000)
  reason!: string;
}

export class ApproveStrategyDto {
  @ApiProperty({ description: 'Why the strategy is approved' })
  @IsString()
  @MaxLength(5000)
  reasons!: string;
}

export class EngagementNoticeDto {
  @ApiProperty({ description: 'How the authority will engage: events, dates, periods (reg. 17)' })
  @IsString()
  @MaxLength(10_000)
  description!: string;

  @ApiProperty({ example: '2026-12-20', description: 'When the engagement closes' })
  @Matches(DATE, { message: 'closesOn must be a date YYYY-MM-DD' })
  closesOn!: string;
}

export class EngagementMaterialDto {
  @ApiProperty({ example: 'spec-draft-1' })
  @Matches(ID, { message: 'materialId may hold only letters, digits, - and _' })
  materialId!: string;

  @ApiProperty({ example: 'Draft evidence storage specification' })
  @IsString()
  @Length(1, 500)
  title!: string;
}

export class RecordEngagementDto {
  @ApiProperty({ example: 'pilot-1' })
  @Matches(ID, { message: 'engagementId may hold only letters, digits, - and _' })
  engagementId!: string;

  @ApiProperty({ enum: ENGAGEMENT_KINDS })
  @IsIn(ENGAGEMENT_KINDS)
  kind!: EngagementKind;

  @ApiProperty({ example: '2026-11-20' })
  @Matches(DATE, { message: 'date must be a date YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ example: 'acme' })
  @Matches(ID, { message: 'supplierId must be a supplier id' })
  supplierId!: string;

  @ApiProperty({ example: ['officer-alice', 'Acme account manager'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  peoplePresent!: string[];

  @ApiProperty()
  @IsString()
  @MaxLength(10_000)
  summary!: string;

  @ApiProperty({ type: [EngagementMaterialDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => EngagementMaterialDto)
  materials!: EngagementMaterialDto[];
}

export class ShareMaterialDto {
  @ApiProperty({ example: 'spec-draft-1' })
  @Matches(ID, { message: 'materialId may hold only letters, digits, - and _' })
  materialId!: string;

  @ApiProperty({ description: 'How every supplier was given it' })
  @IsString()
  @MaxLength(5000)
  how!: string;
}

export class ConflictDeclarationDto {
  @ApiProperty({ example: 'officer-alice' })
  @Matches(USER_ID, { message: 'userId must be a user id' })
  userId!: string;

  @ApiProperty({ enum: CONFLICT_CAPACITIES })
  @IsIn(CONFLICT_CAPACITIES)
  capacity!: ConflictCapacity;

  @ApiProperty()
  @IsBoolean()
  conflict!: boolean;

  @ApiProperty({ example: 'No financial or personal interest in any supplier' })
  @IsString()
  @MaxLength(5000)
  declaration!: string;

  @ApiPropertyOptional({ description: 'Required where a conflict is declared (PA 2023 s.82)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  mitigation?: string;
}

export class ConflictsAssessmentDto {
  @ApiProperty({ type: [ConflictDeclarationDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ConflictDeclarationDto)
  persons!: ConflictDeclarationDto[];

  @ApiProperty({ description: 'Why this revision' })
  @IsString()
  @MaxLength(5000)
  reason!: string;
}

export class TransparencyNoticeDto {
  @ApiProperty({ description: 'Why the Schedule 5 ground applies (published)' })
  @IsString()
  @MaxLength(10_000)
  justification!: string;

  @ApiProperty({ type: MoneyDto })
  @ValidateNested()
  @Type(() => MoneyDto)
  value!: MoneyDto;
}

/** What every planning command answers (send `position` back as `X-Min-Position`). */
export class PlanningCommandResultDto {
  @ApiProperty({ format: 'uuid' })
  tenderId!: string;

  @ApiProperty({ example: 'planning' })
  stage!: string;

  @ApiProperty({ example: 0 })
  noticeVersion!: number;

  @ApiProperty({ example: 'tender-…' })
  streamName!: string;

  @ApiProperty({ nullable: true, type: Number })
  revision!: number | null;

  @ApiPropertyOptional({ example: '764-3' })
  position?: string;

  @ApiProperty({ example: ['ProcurementOpened'] })
  recorded!: string[];
}

/** The public preliminary market engagement notice (UK2). */
export class EngagementNoticeViewDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() buyerOrganisationId!: string;
  @ApiProperty() need!: string;
  @ApiProperty({ example: ['35125300-2'] }) cpvCodes!: string[];
  @ApiProperty() description!: string;
  @ApiProperty({ example: '2026-12-20' }) closesOn!: string;
  @ApiProperty() publishedAt!: string;
  @ApiProperty({
    type: [EngagementMaterialDto],
    description: 'Material shared with every supplier',
  })
  sharedMaterials!: EngagementMaterialDto[];
}

/** The public transparency notice of a direct award (PA 2023 s.44). */
export class TransparencyNoticeViewDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() buyerOrganisationId!: string;
  @ApiProperty() need!: string;
  @ApiProperty() ground!: string;
  @ApiProperty() groundReference!: string;
  @ApiProperty() justification!: string;
  @ApiProperty() supplierId!: string;
  @ApiProperty({ type: MoneyDto }) value!: MoneyDto;
  @ApiProperty() publishedAt!: string;
}

/** The buyer's planning record: plan, approvals, engagement log, conflicts assessment revisions. */
export class ProcurementViewDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() buyerOrganisationId!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({
    description: 'need, estimatedValue, cpvCodes, jurisdiction, route, optionsAppraisal',
  })
  plan!: Record<string, unknown>;
  @ApiProperty() openedBy!: string;
  @ApiProperty() openedAt!: string;
  @ApiProperty({ description: 'Whether the last approval still covers the route and value' })
  approvalStands!: boolean;
  @ApiProperty({ type: [Object] }) approvals!: Record<string, unknown>[];
  @ApiPropertyOptional({ type: Object }) engagementNotice?: Record<string, unknown>;
  @ApiProperty({ type: [Object] }) engagements!: Record<string, unknown>[];
  @ApiProperty({ type: Object }) sharedMaterials!: Record<string, unknown>;
  @ApiProperty({ type: [Object] }) conflictsAssessment!: Record<string, unknown>[];
  @ApiPropertyOptional({ type: Object }) transparencyNotice?: Record<string, unknown>;
}
