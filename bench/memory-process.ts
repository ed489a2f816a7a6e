/**
 * One process of `bench:memory`: the standalone app on the embedded store, or the api on PostgreSQL,
 * started as the test support starts it (without the scheduler), then left alone; reports its RSS.
 */
import { startHttpApi } from '../test/support/http-api';

async function main(): Promise<void> {
  const kind = process.argv[2];
  const env = JSON.parse(process.env.MEMORY_ENV ?? '{}') as Record<string, string>;
  const api = await startHttpApi(env, { withProjector: kind === 'standalone' });
  await fetch(`${api.baseUrl}/health`);
  // At rest: started, answered one request, then idle long enough for the collector to run.
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const { rss, heapUsed, external } = process.memoryUsage();
  process.send!({ rss, heapUsed, external });
  await api.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
