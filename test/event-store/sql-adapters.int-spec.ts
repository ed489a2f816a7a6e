import { createEmbeddedEventStore, createPostgresEventStore } from '@fairtender/event-store';
import { describeEventStoreContract } from '@fairtender/event-store/testing/event-store-contract';
import { createScratchDatabase } from '@fairtender/event-store/testing/scratch-database';

describeEventStoreContract('Embedded (PGlite)', async () => {
  const store = await createEmbeddedEventStore({ dataDir: 'memory://', pollIntervalMs: 200 });
  return { store, cleanup: () => store.close() };
});

describeEventStoreContract('PostgreSQL', async () => {
  const database = await createScratchDatabase('contract');
  const store = await createPostgresEventStore({
    connectionString: database.url,
    pollIntervalMs: 200,
  });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
});
