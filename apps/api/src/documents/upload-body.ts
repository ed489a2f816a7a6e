import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The body type of an upload's PATCH, as in tus. */
export const UPLOAD_CONTENT_TYPE = 'application/offset+octet-stream';
const UPLOAD_PATH = /^\/tenders\/[^/]+\/bid\/documents\/[^/?]+(\?|$)/;

/** A PATCH to an upload: the one request the API takes that is not JSON (see json-only.ts). */
export function isDocumentUpload(request: { method: string; url: string }): boolean {
  return request.method === 'PATCH' && UPLOAD_PATH.test(request.url);
}

/**
 * Hands an upload's body to its route as the raw request stream, never buffered: the upload reads it
 * one chunk at a time (so Fastify's bodyLimit, which applies to buffered bodies, does not apply).
 * `application/octet-stream` is accepted too, for clients that cannot set tus's type.
 */
export function registerUploadBodyParser(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  for (const type of [UPLOAD_CONTENT_TYPE, 'application/octet-stream']) {
    fastify.addContentTypeParser(type, (_request, payload, done) => done(null, payload));
  }
}
