import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { registerUploadBodyParser } from './documents';
import { refuseNonJsonBodies } from './shared/json-only';
import { createValidationPipe } from './shared/validation';

export const API_DOCS_PATH = 'docs';

/** Edge concerns of the HTTP API: request validation and the OpenAPI document. */
export function configureApi(app: NestFastifyApplication): void {
  refuseNonJsonBodies(app);
  registerUploadBodyParser(app);
  app.useGlobalPipes(createValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Fairtender API')
      .setDescription(
        'Competitive public tenders: notices, sealed bids, evaluation, award and challenge. ' +
          'Errors are `{ code, message, details, requestId }`; the README lists every code.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(API_DOCS_PATH, app, document, { customSiteTitle: 'Fairtender API' });
}
