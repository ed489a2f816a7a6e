import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';

export class NewUploadDto {
  @ApiProperty({ example: 'method-statement.pdf' })
  @IsString()
  @Length(1, 255)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  @Matches(/^[^/\\\u0000-\u001f]+$/, {
    message: 'name must be a file name without path separators',
  })
  name!: string;

  @ApiProperty({
    example: 'application/pdf',
    description: 'Checked against the content when the upload finishes',
  })
  @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'mediaType must look like application/pdf' })
  mediaType!: string;

  @ApiProperty({
    type: 'integer',
    example: 209_715_200,
    description: 'Exact size in bytes of the whole document',
  })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  sizeBytes!: number;
}

export class UploadedDocumentDto {
  @ApiProperty({ format: 'uuid', description: 'Name it in the bid’s documentIds' })
  documentId!: string;
  @ApiProperty({ description: 'Hex SHA-256 of the plaintext' })
  sha256!: string;
  @ApiProperty()
  mediaType!: string;
  @ApiProperty({ type: 'integer' })
  sizeBytes!: number;
}

export class UploadStatusDto {
  @ApiProperty({ format: 'uuid' })
  uploadId!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty()
  mediaType!: string;
  @ApiProperty({ type: 'integer' })
  sizeBytes!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Bytes received and stored: where the next PATCH starts',
  })
  offset!: number;
  @ApiProperty({
    type: 'integer',
    description: 'The server seals in chunks of this size; any PATCH size works',
  })
  chunkBytes!: number;
  @ApiProperty()
  finished!: boolean;
  @ApiPropertyOptional({ type: UploadedDocumentDto })
  document?: UploadedDocumentDto;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'An unfinished upload idle until then is removed',
  })
  expiresAt?: string;
}
