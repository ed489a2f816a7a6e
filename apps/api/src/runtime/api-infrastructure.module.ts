import { Global, Module } from '@nestjs/common';
import { ACCESS_REFUSAL_LISTENER } from '@fairtender/auth';
import { BidSealing } from '../bidding/bid-sealing';
import { Clock } from './clock';
import { DraftConcealment } from '../notice/draft-concealment';
import { ConsistentRead } from './consistent-read';
import { ReceiptSigner } from '../bidding/receipt-signer';
import { RefusalRecorder } from './refusal-recorder';
import { TenderStreams } from './tender-streams';
import { TenderViews } from './tender-views';

/** Edge services shared by every feature; global so the auth guard can find the refusal recorder. */
@Global()
@Module({
  providers: [
    Clock,
    ConsistentRead,
    TenderStreams,
    TenderViews,
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
    TenderViews,
    BidSealing,
    ReceiptSigner,
    RefusalRecorder,
    DraftConcealment,
    ACCESS_REFUSAL_LISTENER,
  ],
})
export class ApiInfrastructureModule {}
