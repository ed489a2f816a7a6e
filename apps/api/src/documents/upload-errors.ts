import { ApiError } from '../http/api-error';

/** The refusals of the upload protocol, one code each (README "HTTP errors"). */
export const uploadErrors = {
  notFound: (uploadId: string) =>
    new ApiError(404, 'UPLOAD_NOT_FOUND', `No upload ${uploadId} of yours on this tender`, {
      uploadId,
    }),
  offsetMismatch: (uploadId: string, offset: number, sent: number | undefined) =>
    new ApiError(
      409,
      'UPLOAD_OFFSET_MISMATCH',
      `Upload ${uploadId} is at offset ${offset}; send Upload-Offset: ${offset} (HEAD tells it)`,
      { uploadId, offset, sent },
    ),
  finished: (uploadId: string) =>
    new ApiError(409, 'UPLOAD_FINISHED', `Upload ${uploadId} is finished and cannot change`, {
      uploadId,
    }),
  tooLong: (uploadId: string, declared: number) =>
    new ApiError(
      413,
      'UPLOAD_EXCEEDS_DECLARED_SIZE',
      `Upload ${uploadId} declared ${declared} bytes; more were sent`,
      { uploadId, declaredSize: declared },
    ),
  documentTooLarge: (size: number, limit: number) =>
    new ApiError(
      413,
      'DOCUMENT_TOO_LARGE',
      `A document may have at most ${limit} bytes (declared ${size})`,
      { sizeBytes: size, limitBytes: limit },
    ),
  bidTooLarge: (total: number, limit: number) =>
    new ApiError(
      413,
      'BID_DOCUMENTS_TOO_LARGE',
      `A bid's uploaded documents may total at most ${limit} bytes (this would make ${total})`,
      { totalBytes: total, limitBytes: limit },
    ),
  mediaTypeNotAllowed: (mediaType: string, allowed: string[]) =>
    new ApiError(
      415,
      'DOCUMENT_MEDIA_TYPE_NOT_ALLOWED',
      `Documents of type ${mediaType} are not accepted`,
      { mediaType, allowed },
    ),
  contentMismatch: (uploadId: string, declared: string, detected: string | undefined) =>
    new ApiError(
      415,
      'DOCUMENT_CONTENT_MISMATCH',
      `The content of upload ${uploadId} is not ${declared} (it looks like ${detected ?? 'no known type'}); the upload was removed`,
      { uploadId, declared, detected: detected ?? null },
    ),
  badOffsetHeader: () =>
    new ApiError(
      400,
      'UPLOAD_OFFSET_REQUIRED',
      'Send Upload-Offset: the byte offset this body starts at',
    ),
  documentNotFound: (documentId: string) =>
    new ApiError(
      404,
      'DOCUMENT_NOT_FOUND',
      `No finished document ${documentId} of yours on this tender`,
      {
        documentId,
      },
    ),
  documentNotFinished: (documentId: string, offset: number, size: number) =>
    new ApiError(
      409,
      'DOCUMENT_NOT_FINISHED',
      `Document ${documentId} has ${offset} of ${size} bytes: finish its upload before submitting the bid`,
      { documentId, offset, sizeBytes: size },
    ),
};
