import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_TIME, OPEN_OBJECT } from '../../http/responses.dto';

/**
 * OCDS 1.1.5 packages keep their own convention (release and record package schemas, `links.next`
 * for the feed): docs/ocds.md. Here only their envelope; test/publication validates them against the
 * standard's own schemas.
 */
export class OcdsPackageLinksDto {
  @ApiPropertyOptional({ format: 'uri' }) next?: string;
}

class OcdsPackageDto {
  @ApiProperty({ format: 'uri' }) uri!: string;
  @ApiProperty(DATE_TIME) publishedDate!: string;
  @ApiProperty({ enum: ['1.1'] }) version!: string;
  @ApiProperty({ type: 'array', items: { type: 'string', format: 'uri' } })
  extensions!: string[];

  @ApiProperty(OPEN_OBJECT) publisher!: Record<string, unknown>;
}

export class OcdsReleasePackageDto extends OcdsPackageDto {
  @ApiProperty({ type: 'array', items: OPEN_OBJECT, description: 'OCDS releases' })
  releases!: Record<string, unknown>[];

  @ApiPropertyOptional({ type: OcdsPackageLinksDto, description: 'The feed: the next page' })
  links?: OcdsPackageLinksDto;
}

export class OcdsRecordPackageDto extends OcdsPackageDto {
  @ApiProperty({ type: 'array', items: OPEN_OBJECT, description: 'OCDS records' })
  records!: Record<string, unknown>[];
}
