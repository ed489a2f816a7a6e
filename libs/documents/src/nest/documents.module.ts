import { Global, Inject, Injectable, Module, type BeforeApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import { SQL_CLIENT, type SqlClient } from '@fairtender/event-store';
import { DOCUMENT_STORE, type DocumentStore } from '../port';
import { S3DocumentStore } from '../s3/s3-document-store';
import { SqlDocumentStore } from '../sql/sql-document-store';

function createDocumentStore(config: AppConfig, client: SqlClient): DocumentStore {
  const settings = config.documents.store;
  if (settings.kind === 'database') return new SqlDocumentStore(client);
  return new S3DocumentStore({ ...settings, forcePathStyle: settings.endpoint !== undefined });
}

@Injectable()
class DocumentStoreCloser implements BeforeApplicationShutdown {
  constructor(@Inject(DOCUMENT_STORE) private readonly store: DocumentStore) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/**
 * Provides DOCUMENT_STORE: the SQL database the process already uses (PostgreSQL or embedded; the
 * schema comes with the event store's migrations) or S3, as configured. Needs the EventStoreModule.
 */
@Global()
@Module({
  providers: [
    { provide: DOCUMENT_STORE, useFactory: createDocumentStore, inject: [AppConfig, SQL_CLIENT] },
    DocumentStoreCloser,
  ],
  exports: [DOCUMENT_STORE],
})
export class DocumentsModule {}
