import { S3DocumentStore, SqlDocumentStore } from '@fairtender/documents';
import { describeDocumentStoreContract } from '@fairtender/documents/testing/document-store-contract';
import { migrate, openEmbeddedDatabase, PgSqlClient } from '@fairtender/event-store';
import { createScratchDatabase } from '@fairtender/event-store/testing/scratch-database';

describeDocumentStoreContract('Embedded (PGlite)', async () => {
  const client = await openEmbeddedDatabase('memory://');
  await migrate(client);
  return { store: new SqlDocumentStore(client, true), cleanup: () => client.close() };
});

describeDocumentStoreContract('PostgreSQL', async () => {
  const database = await createScratchDatabase('documents');
  const client = new PgSqlClient({ connectionString: database.url });
  await migrate(client);
  const store = new SqlDocumentStore(client, true);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
});

// e.g. S3_ENDPOINT=http://127.0.0.1:9000 S3_BUCKET=fairtender S3_ACCESS_KEY_ID=… S3_SECRET_ACCESS_KEY=…
// (MinIO); the bucket must exist. Each run writes under its own prefix and deletes what it wrote.
const endpoint = process.env.S3_ENDPOINT;

describeDocumentStoreContract(
  'S3-compatible',
  async () => {
    const store = new S3DocumentStore({
      endpoint,
      region: process.env.S3_REGION ?? 'us-east-1',
      bucket: process.env.S3_BUCKET ?? 'fairtender',
      prefix: `contract-${Date.now()}/`,
      forcePathStyle: true,
      ...(process.env.S3_ACCESS_KEY_ID
        ? {
            credentials: {
              accessKeyId: process.env.S3_ACCESS_KEY_ID,
              secretAccessKey: process.env.S3_SECRET_ACCESS_KEY ?? '',
            },
          }
        : {}),
    });
    return { store, cleanup: () => store.close() };
  },
  {
    skipReason: endpoint
      ? undefined
      : 'S3 document store contract suite SKIPPED: S3_ENDPOINT is not set, so it did not run',
  },
);
