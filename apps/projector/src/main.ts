import { startHttpApp } from '@fairtender/observability';
import { ProjectorAppModule } from './projector-app.module';

void startHttpApp(ProjectorAppModule, { name: 'projector', defaultPort: 3001 });
