import { Injectable } from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import { receiptPublicKey, signReceipt, type ReceiptPayload } from '@fairtender/crypto';

/** Signs bid receipts with the server's Ed25519 key; the public key is served for verification. */
@Injectable()
export class ReceiptSigner {
  constructor(private readonly config: AppConfig) {}

  sign(payload: ReceiptPayload) {
    return signReceipt(this.config.receipts.keyObject, payload);
  }

  publicKey() {
    return receiptPublicKey(this.config.receipts.keyObject);
  }
}
