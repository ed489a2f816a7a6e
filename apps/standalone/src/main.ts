import { isRedisConfigured } from '@fairtender/config';
import { startHttpApp } from '@fairtender/observability';
import { configureApi } from '../../api/src';
import { StandaloneModule } from './standalone.module';

void startHttpApp(StandaloneModule.register({ withScheduler: isRedisConfigured() }), {
  name: 'standalone',
  defaultPort: 3000,
  configure: configureApi,
});
