import { Module } from '@nestjs/common';
import { DOCUMENT_STORE, type DocumentStore } from '@fairtender/documents';
import { EVENT_STORE, type EventStore } from '@fairtender/event-store';
import { LegalReplay } from '@fairtender/legal';
import { Clock } from '../runtime/clock';
import { LegalController } from './legal.controller';
import { LEGAL_QUERY_HANDLERS } from './legal.queries';

/** Legal replay for `legal` and `auditor`: history, state at a moment, verify, evidence bundles (issue 6). */
@Module({
  controllers: [LegalController],
  providers: [
    {
      provide: LegalReplay,
      useFactory: (store: EventStore, clock: Clock, documents: DocumentStore) =>
        new LegalReplay(store, { via: 'api', now: () => clock.now(), documents }),
      inject: [EVENT_STORE, Clock, DOCUMENT_STORE],
    },
    ...LEGAL_QUERY_HANDLERS,
  ],
  exports: [LegalReplay],
})
export class LegalApiModule {}
