import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ensureBuilt,
  freePort,
  runCli,
  startStandalone,
  type RunningProcess,
} from '../support/built-apps';

/**
 * `npm start` as a newcomer meets it: the built standalone app in its own process, on the embedded
 * store, reading `.env`, saying what it runs and what it lacks, and holding its data folder.
 */
describe('the embedded default in its own process (built app)', () => {
  let dir: string;
  let app: RunningProcess | undefined;
  beforeAll(() => ensureBuilt());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ft-standalone-'));
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('without Redis: the log and /health say deadlines will not close and webhooks will not be sent', async () => {
    const port = await freePort();
    // The port comes from .env: the file is read in development.
    writeFileSync(join(dir, '.env'), `PORT=${port}\nLOG_FORMAT=pretty\n`);
    app = await startStandalone(
      { NODE_ENV: 'development', EMBEDDED_DATA_DIR: join(dir, 'pglite'), REDIS_URL: '' },
      dir,
    );
    const log = app.output();
    expect(log).toContain(`standalone listening on http://127.0.0.1:${port}`);
    expect(log).toContain(`API docs: http://127.0.0.1:${port}/docs`);
    expect(log).toContain('a token: npm run --silent cli -- tokens');
    expect(log).toMatch(/WARN .*scheduler NOT RUNNING \(REDIS_URL is set to nothing\)/);
    expect(log).toContain('deadlines will not close by themselves');
    expect(log).toContain('webhooks will not be sent');

    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    const body = (await health.json()) as { scheduler: Record<string, unknown> };
    expect(body.scheduler).toMatchObject({
      running: false,
      reason: 'REDIS_URL is set to nothing',
      deadlines: expect.stringContaining('deadlines will not close by themselves'),
      webhooks: 'webhooks will not be sent to suppliers',
    });

    // One readable line per request: method, path, status, not the headers.
    await fetch(`http://127.0.0.1:${port}/notices`, { headers: { 'x-probe': 'secret-ish' } });
    for (let i = 0; i < 50 && !/GET \/notices 200/.test(app.output()); i++)
      await new Promise((later) => setTimeout(later, 100));
    const requestLine = app
      .output()
      .split('\n')
      .find((line) => line.includes('GET /notices'))!;
    expect(requestLine).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}GET \/notices 200 \d+ ms/);
    expect(app.output()).not.toContain('x-probe');
  });

  it('with Redis at the default address and REDIS_URL unset, the scheduler joins', async () => {
    const port = await freePort();
    app = await startStandalone(
      {
        NODE_ENV: 'development',
        PORT: String(port),
        EMBEDDED_DATA_DIR: join(dir, 'pglite'),
        SCHEDULER_QUEUE_PREFIX: `standalone-${port}`,
      },
      dir,
    );
    expect(app.output()).toContain(
      'scheduler: running on 127.0.0.1:6379 (found at the default address)',
    );
    const body = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as {
      info: Record<string, unknown>;
      scheduler: unknown;
    };
    expect(Object.keys(body.info)).toEqual(expect.arrayContaining(['redis', 'queues', 'feed']));
    expect(body.scheduler).toEqual({ running: true });
  });

  it('a second process on the same data folder is refused with a clear message', async () => {
    const port = await freePort();
    const dataDir = join(dir, 'pglite');
    app = await startStandalone(
      { NODE_ENV: 'development', PORT: String(port), EMBEDDED_DATA_DIR: dataDir, REDIS_URL: '' },
      dir,
    );
    const cli = await runCli(['migrate'], { EMBEDDED_DATA_DIR: dataDir });
    expect(cli.status).not.toBe(0);
    expect(cli.stderr).toContain(
      `The embedded database in ${dataDir} is in use by process ${app.child.pid}`,
    );
    await app.stop();
    app = undefined;
    // Released at shutdown: the CLI opens it now.
    const after = await runCli(['migrate'], { EMBEDDED_DATA_DIR: dataDir });
    expect(after.stderr).toBe('');
    expect(after.status).toBe(0);
  });
});
