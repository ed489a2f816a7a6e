import { Global, Inject, Injectable, Module, type BeforeApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@fairtender/config';
import { eventsAppended, streamKindLabel } from '@fairtender/observability';
import { createEventStoreDbEventStore } from '../eventstoredb/eventstoredb-event-store';
import { EVENT_STORE, type EventStore } from '../port';
import type { SqlClient } from '../sql/sql-client';
import { SqlEventStore } from '../sql/sql-event-store';
import { DatabaseModule } from './database.module';
import { EventStoreHealthIndicator } from './event-store.health';
import { SQL_CLIENT } from './sql-client.token';

/** Counts what a store appends, by kind of stream (`fairtender_events_appended_total`). */
function countingAppends(store: EventStore): EventStore {
  const append = store.append.bind(store);
  store.append = async (streamName, events, expected) => {
    const result = await append(streamName, events, expected);
    eventsAppended.inc({ stream: streamKindLabel(streamName) }, events.length);
    return result;
  };
  return store;
}

async function createEventStore(config: AppConfig, client: SqlClient): Promise<EventStore> {
  return countingAppends(await openEventStore(config, client));
}

async function openEventStore(config: AppConfig, client: SqlClient): Promise<EventStore> {
  const settings = config.eventStore;
  switch (settings.kind) {
    case 'embedded':
    case 'postgres':
      // The client is shared with read models, so the store must leave it open.
      return new SqlEventStore(client, { closeClient: false });
    case 'eventstoredb':
      // Events in EventStoreDB; SQL_CLIENT still serves the read models.
      return createEventStoreDbEventStore({ connectionString: settings.connectionString });
  }
}

@Injectable()
class EventStoreCloser implements BeforeApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  // Before the shared SQL client closes (onApplicationShutdown), so live subscriptions end first.
  async beforeApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Provides EVENT_STORE (the port) for the configured adapter, plus its health indicator. */
@Global()
@Module({
  imports: [DatabaseModule, TerminusModule],
  providers: [
    { provide: EVENT_STORE, useFactory: createEventStore, inject: [AppConfig, SQL_CLIENT] },
    EventStoreCloser,
    EventStoreHealthIndicator,
  ],
  exports: [EVENT_STORE, EventStoreHealthIndicator, DatabaseModule],
})
export class EventStoreModule {}
