import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@fairtender/auth';
import { verifyReceipt } from '@fairtender/crypto';
import { BodyLimit, RECEIPT_BODY_LIMIT_BYTES } from '../http/body-limits';
import { plain } from '../http/plain';
import { ReceiptSigner } from './receipt-signer';
import { SignedReceiptDto } from './dto/receipt.dto';
import { ReceiptPublicKeyDto, ReceiptVerificationDto } from './dto/bid-responses.dto';

/** Anyone may check a receipt: the key is public, and verification needs no server (README). */
@ApiTags('receipts')
@Controller('receipts')
export class ReceiptsController {
  constructor(private readonly signer: ReceiptSigner) {}

  @Get('public-key')
  @Public()
  @ApiOperation({
    operationId: 'getReceiptPublicKey',
    summary: 'The Ed25519 public key that signs bid receipts (PEM and JWK)',
  })
  @ApiOkResponse({ type: ReceiptPublicKeyDto })
  publicKey() {
    return this.signer.publicKey();
  }

  @Post('verification')
  @HttpCode(200)
  @BodyLimit(RECEIPT_BODY_LIMIT_BYTES)
  @Public()
  @ApiOperation({
    operationId: 'verifyReceipt',
    summary: 'Check that a receipt was signed by this server and is unaltered',
  })
  @ApiOkResponse({ type: ReceiptVerificationDto })
  verify(@Body() receipt: SignedReceiptDto): { valid: boolean; keyId: string } {
    const { publicKeyPem, keyId } = this.signer.publicKey();
    return {
      valid: receiptKeyMatches(receipt, keyId) && verifyReceipt(publicKeyPem, plain(receipt)),
      keyId,
    };
  }
}

function receiptKeyMatches(receipt: SignedReceiptDto, keyId: string): boolean {
  return receipt.keyId === keyId;
}
