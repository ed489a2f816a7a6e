import { startHttpApp } from '@fairtender/observability';
import { SchedulerAppModule } from './scheduler-app.module';

void startHttpApp(SchedulerAppModule, { name: 'scheduler', defaultPort: 3002 });
