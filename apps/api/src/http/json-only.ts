import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { isDocumentUpload } from '../documents/upload-body';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The API speaks JSON only. Without this, a form-encoded body would be parsed (Nest registers that
 * parser too) and reach validation as if it were JSON.
 */
export function refuseNonJsonBodies(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      const length = Number(request.headers['content-length'] ?? 0);
      const hasBody = length > 0 || request.headers['transfer-encoding'] !== undefined;
      const type = request.headers['content-type'] ?? '';
      const json = /^application\/json\b/i.test(type);
      // Uploads stream their bytes (documents/upload-body.ts); everything else is JSON.
      if (WITH_BODY.has(request.method) && hasBody && !json && !isDocumentUpload(request)) {
        void reply.status(415).send({
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: `Send the body as application/json (got ${type || 'no content type'})`,
          details: { contentType: type },
          requestId: request.id,
        });
        return;
      }
      done();
    });
}
