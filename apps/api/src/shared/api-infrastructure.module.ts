import { Global, Module } from '@nestjs/common';
import { ACCESS_REFUSAL_LISTENER } from '@fairtender/auth';
import { BidSealing } from './bid-sealing';
import { Clock } from './clock';
import { DraftConcealment } from './draft-concealment';
import { ConsistentRead } from './consistent-read';
import { ReceiptSigner } from './receipt-signer';
import { RefusalRecorder } from './refusal-recorder';
import { TenderStreams } from './tender-streams';

/** Edge services shared by every feature; global so the auth guard can find the refusal recorder. */
@Global()
@Module({
  providers: [
    Clock,
    ConsistentRead,
    TenderStreams,
    BidSealing,
    ReceiptSigner,
    RefusalRecorder,
    DraftConcealment,
    { provide: ACCESS_REFUSAL_LISTENER, useExisting: RefusalRecorder },
  ],
  exports: [
    Clock,
    ConsistentRead,
    TenderStreams,
    BidSealing,
    ReceiptSigner,
    RefusalRecorder,
    DraftConcealment,
    ACCESS_REFUSAL_LISTENER,
  ],
})
export class ApiInfrastructureModule {}
