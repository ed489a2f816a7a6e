import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';

export class ReceiptPayloadDto {
  @ApiProperty({ format: 'uuid' }) @IsString() @Length(1, 100) tenderId!: string;
  @ApiProperty() @IsString() @Length(1, 100) supplierId!: string;
  @ApiProperty() @Matches(/^[0-9a-f]{64}$/) contentHash!: string;
  @ApiProperty({ format: 'date-time' }) @IsString() @Length(1, 40) receivedAt!: string;
  @ApiProperty() @IsString() @Length(1, 255) streamName!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) @IsInt() @Min(0) revision!: number;
  @ApiProperty() @Matches(/^\d+-\d+$/) position!: string;
  @ApiProperty({ format: 'uuid' }) @IsString() @Length(1, 100) eventId!: string;
  @ApiProperty({ enum: ['BidSubmitted', 'BidRevised'] })
  @IsIn(['BidSubmitted', 'BidRevised'])
  kind!: 'BidSubmitted' | 'BidRevised';
}

/** A receipt as the API issued it, sent back for checking. */
export class SignedReceiptDto {
  @ApiProperty({ type: ReceiptPayloadDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => ReceiptPayloadDto)
  payload!: ReceiptPayloadDto;

  @ApiProperty() @IsString() @Length(1, 200) signature!: string;
  @ApiProperty({ enum: ['Ed25519'] }) @IsIn(['Ed25519']) algorithm!: 'Ed25519';
  @ApiProperty() @IsString() @Length(1, 64) keyId!: string;
}
