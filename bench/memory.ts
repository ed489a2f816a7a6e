/**
 * Memory at rest (issue 19): the standalone process on the embedded store (a data folder that
 * exists, as on every start after the first, and a new one, when PGlite also runs initdb) and the api
 * on PostgreSQL, each in a process of its own. TypeScript is compiled at load by @swc-node/register
 * here, so the bare loader's RSS is printed beside them. Run with `npm run bench:memory`.
 */
import { fork, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase } from '@fairtender/event-store/testing/scratch-database';

interface Usage {
  rss: number;
  heapUsed?: number;
  external?: number;
}

function measure(kind: string, env: Record<string, string> = {}): Promise<Usage> {
  const file = kind === 'loader' ? 'memory-loader.ts' : 'memory-process.ts';
  const child = fork(join(__dirname, file), [kind], {
    execArgv: ['-r', '@swc-node/register'],
    env: { ...process.env, MEMORY_ENV: JSON.stringify(env) },
  });
  return new Promise((resolve, reject) => {
    child.once('message', (usage: Usage) => resolve(usage));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`${kind} exited with ${code}`)));
  });
}

/** The node arguments of `npm run start:<app>` (package.json), so that what is measured is what runs. */
function productionArgs(app: string): string[] {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...args] = pkg.scripts[`start:${app}`].split(/\s+/);
  if (command !== 'node') throw new Error(`start:${app} does not start with node`);
  return args;
}

/**
 * The built app (`npm run build`), as production runs it (`npm run start:<app>`'s arguments) on a
 * port of its own, until /health answers, then 10 s at rest; its RSS from /proc.
 */
async function measureBuilt(
  app: string,
  port: number,
  env: Record<string, string>,
): Promise<number> {
  const child = spawn(process.execPath, productionArgs(app), {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_STORE: 'memory',
    },
    stdio: 'ignore',
  });
  try {
    for (let i = 0; i < 120; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (
        await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
  } finally {
    child.kill();
  }
}

const mb = (bytes = 0) => Math.round(bytes / 1e6);

function target(text: string, met: boolean, figure: string): void {
  console.log(`target  ${text.padEnd(50)} ${(met ? 'met' : 'not met').padEnd(8)} ${figure}`);
}

async function main(): Promise<void> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'fairtender-memory-')), 'pglite');
  const database = await createScratchDatabase('bench_memory');
  try {
    const loader = await measure('loader');
    const fresh = await measure('standalone', {
      EVENT_STORE: 'embedded',
      EMBEDDED_DATA_DIR: dataDir,
    });
    const reopened = await measure('standalone', {
      EVENT_STORE: 'embedded',
      EMBEDDED_DATA_DIR: dataDir,
    });
    const api = await measure('api', { EVENT_STORE: 'postgres', DATABASE_URL: database.url });
    console.log('Memory at rest (RSS, MB; heap and external as V8 counts them)');
    console.log(`  bare loader (node + @swc-node/register)   ${mb(loader.rss)}`);
    for (const [label, u] of [
      ['standalone, embedded, new data folder', fresh],
      ['standalone, embedded, existing folder', reopened],
      ['api on PostgreSQL', api],
    ] as const) {
      console.log(
        `  ${label.padEnd(41)} ${mb(u.rss)}  (heap ${mb(u.heapUsed)}, external ${mb(u.external)})`,
      );
    }
    let standalone = reopened.rss;
    let first = fresh.rss;
    let apiRss = api.rss;
    let how = 'under the TypeScript loader; run `npm run build` to measure dist/';
    if (existsSync('dist/apps/api/src/main.js')) {
      const builtDir = join(dataDir, '..', 'built');
      const embedded = { EVENT_STORE: 'embedded', EMBEDDED_DATA_DIR: builtDir };
      first = await measureBuilt('standalone', 39_401, embedded);
      standalone = await measureBuilt('standalone', 39_402, embedded);
      apiRss = await measureBuilt('api', 39_403, {
        EVENT_STORE: 'postgres',
        DATABASE_URL: database.url,
      });
      how = 'built dist/, as production runs it';
      console.log(
        `  built dist/: standalone ${mb(first)} (new folder), ${mb(standalone)} (existing); api ${mb(apiRss)}`,
      );
    }
    console.log('');
    target(
      'standalone on the embedded store < 400 MB at rest',
      standalone < 400e6,
      `${mb(standalone)} MB (first start, new folder: ${mb(first)} MB; ${how})`,
    );
    target('api on PostgreSQL < 200 MB at rest', apiRss < 200e6, `${mb(apiRss)} MB (${how})`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
