import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { buildProgram } from '../../apps/cli/src/program';
import { StandaloneModule } from '../../apps/standalone/src/standalone.module';
import { configureApi } from '../../apps/api/src';
import { bootApp } from './boot-app';

/** Issue 16 point 7: `npm run migrate` applies every migration; MIGRATE_ON_START=false leaves it to it. */
describe('migrations for production (PostgreSQL)', () => {
  let database: ScratchDatabase;

  beforeAll(async () => {
    database = await createScratchDatabase('e2e_migrations');
  });
  afterAll(() => database?.drop());

  const env = () => ({ EVENT_STORE: 'postgres', DATABASE_URL: database.url });

  it('refuses to start on an unmigrated schema with start-up migrations off, starts once migrated', async () => {
    await expect(
      bootApp(
        StandaloneModule.register({ withScheduler: false }),
        { ...env(), MIGRATE_ON_START: 'false' },
        configureApi,
      ),
    ).rejects.toThrow(
      /schema migration\(s\) pending \(1, .*MIGRATE_ON_START=false: run `npm run migrate`/,
    );

    const out: string[] = [];
    await buildProgram({
      env: env(),
      print: (text) => out.push(text),
      warn: () => undefined,
    }).parseAsync(['node', 'fairtender', 'migrate']);
    expect(out.join('\n')).toMatch(/ 2000 scheduler/);
    expect(out.join('\n')).toMatch(/ 2010 /);

    const app = await bootApp(
      StandaloneModule.register({ withScheduler: false }),
      { ...env(), MIGRATE_ON_START: 'false' },
      configureApi,
    );
    try {
      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
