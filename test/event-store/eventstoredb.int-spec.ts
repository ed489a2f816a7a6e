import { createEventStoreDbEventStore } from '@fairtender/event-store';
import { describeEventStoreContract } from '@fairtender/event-store/testing/event-store-contract';

// e.g. esdb://localhost:2113?tls=false (docker/compose.yml, `--profile eventstoredb`). The suite
// appends a 1 MB event, above EventStoreDB's default MaxAppendSize of 1 MiB per append: docker/compose.yml
// raises it with EVENTSTORE_MAX_APPEND_SIZE=16777216; do the same on any other server.
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

describeEventStoreContract(
  'EventStoreDB',
  async () => {
    // Streams are uniquely prefixed per test, so nothing needs deleting afterwards.
    const store = await createEventStoreDbEventStore({ connectionString: connectionString! });
    return { store, cleanup: () => store.close() };
  },
  {
    globallyUniqueEventIds: false,
    skipReason: connectionString
      ? undefined
      : 'EventStoreDB contract suite SKIPPED: EVENTSTORE_CONNECTION_STRING is not set, so it did not run',
  },
);
