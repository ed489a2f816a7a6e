import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsString, Length, ValidateNested } from 'class-validator';
import { AmendableTermsDto } from './notice-terms.dto';

export class AmendNoticeDto {
  @ApiProperty({ type: AmendableTermsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => AmendableTermsDto)
  changes!: AmendableTermsDto;

  @ApiProperty({ example: 'Deadline extended after a clarification changed the specification' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class CancelTenderDto {
  @ApiProperty({ example: 'Requirement withdrawn by the force' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class AskClarificationDto {
  @ApiProperty({ example: 'Must footage be stored in the UK?' })
  @IsString()
  @Length(1, 5000)
  question!: string;
}

export class AnswerClarificationDto {
  @ApiProperty({ example: 'Yes: UK data centres only.' })
  @IsString()
  @Length(1, 20_000)
  answer!: string;
}
