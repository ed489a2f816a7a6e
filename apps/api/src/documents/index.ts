import { BidDocuments } from './bid-documents';
import { DocumentUploads } from './document-uploads';
import { EvidenceDocumentsController } from './evidence-documents.controller';
import { OpenedDocumentsController } from './opened-documents.controller';
import { UploadsController } from './uploads.controller';

export const DOCUMENT_CONTROLLERS = [
  UploadsController,
  OpenedDocumentsController,
  EvidenceDocumentsController,
];
export const DOCUMENT_PROVIDERS = [DocumentUploads, BidDocuments];
export { registerUploadBodyParser, isDocumentUpload } from './upload-body';
