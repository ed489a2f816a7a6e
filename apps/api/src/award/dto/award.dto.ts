import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { DIRECT_AWARD_GROUNDS } from '@fairtender/domain';

// Whether a ground is listed and a justification says enough are the domain's rules (422).
const SUPPLIER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class ProposeAwardDto {
  @ApiProperty({ example: 'acme', description: 'The supplier whose bid wins' })
  @Matches(SUPPLIER_ID, { message: 'supplierId must be a supplier id' })
  supplierId!: string;

  @ApiPropertyOptional({
    description: 'Required when the winner is not the top-ranked bid (red-flagged and published)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  justification?: string;
}

export class ProposeDirectAwardDto {
  @ApiProperty({ example: 'acme' })
  @Matches(SUPPLIER_ID, { message: 'supplierId must be a supplier id' })
  supplierId!: string;

  @ApiProperty({ enum: Object.keys(DIRECT_AWARD_GROUNDS), example: 'extreme-urgency' })
  @IsString()
  @Length(1, 100)
  ground!: string;

  @ApiProperty({ description: 'Why the ground applies (published with the award)' })
  @IsString()
  @MaxLength(10_000)
  justification!: string;
}

export class DeclareUnsuccessfulDto {
  @ApiProperty({ example: 'Only one bid passed compliance; the requirement will be re-tendered.' })
  @IsString()
  @MaxLength(5000)
  reason!: string;
}
