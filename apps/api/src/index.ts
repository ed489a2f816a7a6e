export { ApiModule } from './api.module';
export { ApiAppModule } from './api-app.module';
export { configureApi, API_DOCS_PATH } from './configure-api';
