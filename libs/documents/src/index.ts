export * from './port';
export { SqlDocumentStore } from './sql/sql-document-store';
export { S3DocumentStore, type S3DocumentStoreOptions } from './s3/s3-document-store';
export { DocumentsModule } from './nest/documents.module';
export * from './sealed-document';
export * from './upload-writer';
