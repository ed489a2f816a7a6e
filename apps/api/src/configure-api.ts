import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '@fairtender/config';
import { limitBodies } from './http/body-limits';
import { registerUploadBodyParser } from './documents';
import { refuseNonJsonBodies } from './http/json-only';
import { openApiDocument } from './http/openapi-document';
import { limitRates } from './http/rate-limits';
import { addSecurityHeaders } from './http/security-headers';
import { createValidationPipe } from './http/validation';

export const API_DOCS_PATH = 'docs';

/**
 * Edge concerns of the HTTP API: rate limits, body limits, security headers, request validation and
 * the OpenAPI document. Before `init`, so every route is registered with its limits.
 */
export async function configureApi(app: NestFastifyApplication): Promise<void> {
  await limitRates(app);
  refuseNonJsonBodies(app);
  limitBodies(app);
  await addSecurityHeaders(app, { production: app.get(AppConfig).nodeEnv === 'production' });
  registerUploadBodyParser(app);
  app.useGlobalPipes(createValidationPipe());
  const document = openApiDocument(app);
  SwaggerModule.setup(API_DOCS_PATH, app, document, { customSiteTitle: 'Fairtender API' });
}
