import { DEFAULT_REDIS_URL, loadDevelopmentEnvFile } from '@fairtender/config';
import { describeSqlTarget } from '@fairtender/event-store';
import { startHttpApp } from '@fairtender/observability';
import { API_DOCS_PATH, configureApi } from '../../api/src';
import { planScheduler, WITHOUT_SCHEDULER, type SchedulerPlan } from './redis-probe';
import { StandaloneModule } from './standalone.module';

async function main(): Promise<void> {
  loadDevelopmentEnvFile(process.env);
  const plan = await planScheduler(process.env, DEFAULT_REDIS_URL);
  // Found at the default address: the scheduler (and RATE_LIMIT_STORE=auto) use it as if configured.
  if (plan.run) process.env.REDIS_URL = plan.redisUrl;
  await startHttpApp(
    StandaloneModule.register({
      withScheduler: plan.run,
      ...(plan.run ? {} : { withoutSchedulerReason: plan.reason }),
    }),
    {
      name: 'standalone',
      defaultPort: 3000,
      configure: configureApi,
      banner: (url, config) => banner(url, describeSqlTarget(config.eventStore), plan),
      warnings: plan.run
        ? []
        : [
            `scheduler NOT RUNNING (${plan.reason}): ${WITHOUT_SCHEDULER.deadlines}; ${WITHOUT_SCHEDULER.webhooks}; ${WITHOUT_SCHEDULER.standstill}. Start Redis on 127.0.0.1:6379 or set REDIS_URL, then restart`,
          ],
    },
  );
}

/** What a newcomer needs on the first screen: the docs, a token, and what this process does not run. */
function banner(url: string, store: string, plan: SchedulerPlan): string[] {
  return [
    `API docs: ${url}/${API_DOCS_PATH} (OpenAPI at ${url}/${API_DOCS_PATH}-json)`,
    'a token: npm run --silent cli -- tokens  (one per demo user, signed with the development secret)',
    `events and read models: ${store}`,
    ...(plan.run
      ? [
          `scheduler: running on ${new URL(plan.redisUrl).host} (${plan.found === 'default' ? 'found at the default address' : 'REDIS_URL'}): deadlines close by themselves, webhooks are sent`,
        ]
      : []),
  ];
}

void main();
