import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_TIME } from '../../http/responses.dto';

export class ChallengeViewDto {
  @ApiProperty() challengeId!: string;
  @ApiProperty() supplierId!: string;
  @ApiProperty({ type: 'integer' }) round!: number;
  @ApiProperty({ type: [String] }) grounds!: string[];
  @ApiProperty() text!: string;
  @ApiProperty(DATE_TIME) lodgedAt!: string;
  @ApiPropertyOptional({ enum: ['dismissed', 'withdrawn', 'upheld'] }) outcome?: string;
  @ApiPropertyOptional({ enum: ['re-evaluate', 'cancel'] }) remedy?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional(DATE_TIME) resolvedAt?: string;
}

export class ChallengePageDto {
  @ApiProperty({ type: [ChallengeViewDto] }) items!: ChallengeViewDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor`; null at the end' })
  nextCursor!: string | null;
}
