import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
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
}
