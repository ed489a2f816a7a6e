import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DATE_TIME, MoneyResponseDto, OPEN_OBJECT } from '../../http/responses.dto';
import { SignedReceiptDto } from './receipt.dto';

/** An uploaded document a sealed bid names (docs/documents.md). */
export class DocumentReferenceDto {
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() mediaType!: string;
  @ApiProperty({ type: 'integer' }) sizeBytes!: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) sha256!: string;
}

/** What submitting, revising, withdrawing or re-confirming a bid answers. */
export class BidCommandResultDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() supplierId!: string;
  @ApiProperty({ enum: ['submitted', 'withdrawn'] }) status!: string;
  @ApiProperty({ description: 'True when this repeats the first answer to the Idempotency-Key' })
  replayed!: boolean;

  @ApiProperty({ type: [String] }) recorded!: string[];
  @ApiPropertyOptional({ type: SignedReceiptDto }) receipt?: SignedReceiptDto;
  @ApiPropertyOptional({ type: [DocumentReferenceDto] }) documents?: DocumentReferenceDto[];
}

/** A supplier's own bid: status, commitment and every signed receipt. */
export class OwnBidDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty({ enum: ['submitted', 'withdrawn'] }) status!: string;
  @ApiProperty({ type: String, pattern: '^[0-9a-f]{64}$', nullable: true })
  contentHash!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) sizeBytes!: number | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) firstReceivedAt!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) receivedAt!: string | null;
  @ApiProperty({ type: 'integer' }) noticeVersion!: number;
  @ApiProperty() needsReconfirmation!: boolean;
  @ApiProperty({ type: 'integer' }) revisionCount!: number;
  @ApiProperty({ ...DATE_TIME, nullable: true }) withdrawnAt!: string | null;
  @ApiProperty({ type: 'integer' }) lateAttempts!: number;
  @ApiProperty({ type: [SignedReceiptDto] }) receipts!: SignedReceiptDto[];
}

export class OwnBidPageDto {
  @ApiProperty({ type: [OwnBidDto] }) items!: OwnBidDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor`; null at the end' })
  nextCursor!: string | null;
}

export class RegisteredBidDto {
  @ApiProperty() supplierId!: string;
  @ApiProperty({ enum: ['submitted', 'withdrawn'] }) status!: string;
  @ApiProperty({ ...DATE_TIME, nullable: true }) firstReceivedAt!: string | null;
  @ApiProperty({ ...DATE_TIME, nullable: true }) receivedAt!: string | null;
  @ApiProperty({ type: 'integer' }) revisionCount!: number;
  @ApiProperty({ type: String, pattern: '^[0-9a-f]{64}$', nullable: true })
  contentHash!: string | null;
  @ApiProperty() needsReconfirmation!: boolean;
  @ApiProperty({ ...DATE_TIME, nullable: true }) withdrawnAt!: string | null;
}

/** The buyer's register: counts and receipt times while sealed; the bidders once opened. */
export class BidRegisterDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() sealed!: boolean;
  @ApiProperty({ type: 'integer' }) bidCount!: number;
  @ApiPropertyOptional({ type: 'integer', description: 'While sealed' }) withdrawnCount?: number;
  @ApiProperty({ type: 'integer' }) lateAttempts!: number;
  @ApiPropertyOptional({ type: 'array', items: DATE_TIME, description: 'While sealed' })
  receiptTimes?: string[];
  @ApiPropertyOptional({ ...DATE_TIME, description: 'Once opened' }) openedAt?: string;
  @ApiPropertyOptional({ type: [String], description: 'Once opened: the two officers' })
  openedBy?: string[];
  @ApiPropertyOptional({ type: [RegisteredBidDto] }) bids?: RegisteredBidDto[];
}

export class BidResponseDto {
  @ApiProperty() criterionId!: string;
  @ApiProperty() response!: string;
}

export class BidContentDto {
  @ApiProperty({ type: MoneyResponseDto }) price!: MoneyResponseDto;
  @ApiProperty({ type: [BidResponseDto] }) responses!: BidResponseDto[];
  @ApiProperty({
    type: 'array',
    items: OPEN_OBJECT,
    description: 'Inline documents and references',
  })
  documents!: Record<string, unknown>[];
}

/** An opened bid's content, as opening committed to it. */
export class OpenedBidDto {
  @ApiProperty({ format: 'uuid' }) tenderId!: string;
  @ApiProperty() supplierId!: string;
  @ApiProperty(DATE_TIME) receivedAt!: string;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) contentHash!: string;
  @ApiProperty({ type: 'integer' }) openedAtRevision!: number;
  @ApiProperty({ type: BidContentDto }) content!: BidContentDto;
}

export class ReceiptPublicKeyDto {
  @ApiProperty({ example: '03eaa6c6ae7f1a1e' }) keyId!: string;
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: string;
  @ApiProperty() publicKeyPem!: string;
  @ApiProperty(OPEN_OBJECT) jwk!: Record<string, unknown>;
}

export class ReceiptVerificationDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty() keyId!: string;
}
