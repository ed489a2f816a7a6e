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

const SHARED_SERVICES = [
  Clock,
  ConsistentRead,
  TenderStreams,
  TenderViews,
  BidSealing,
  ReceiptSigner,
  RefusalRecorder,
  DraftConcealment,
];

/** Edge services shared by every feature; global so the auth guard can find the refusal recorder. */
@Global()
@Module({
  providers: [
    ...SHARED_SERVICES,
    { provide: ACCESS_REFUSAL_LISTENER, useExisting: RefusalRecorder },
  ],
  exports: [...SHARED_SERVICES, ACCESS_REFUSAL_LISTENER],
})
export class ApiInfrastructureModule {}
