import { startHttpApp } from '@fairtender/observability';
import { ApiAppModule } from './api-app.module';
import { configureApi } from './configure-api';

void startHttpApp(ApiAppModule, { name: 'api', defaultPort: 3000, configure: configureApi });
