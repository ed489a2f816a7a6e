export { ApiModule } from './api.module';
export { ApiAppModule } from './api-app.module';
export { configureApi, API_DOCS_PATH } from './configure-api';
export { ApiErrors } from './http/api-errors';
export { HealthDto } from './http/responses.dto';
export { openApiDocument } from './http/openapi-document';
