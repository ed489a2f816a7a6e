import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const BUILT_CLI = join(ROOT, 'dist/apps/cli/src/main.js');
export const BUILT_STANDALONE = join(ROOT, 'dist/apps/standalone/src/main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * These tests run what a user runs: the compiled apps in dist/. They are built here when a source is
 * newer than the build (`npm run build`), one Jest worker at a time.
 */
export function ensureBuilt(): void {
  const sources = Math.max(newestSource(join(ROOT, 'apps')), newestSource(join(ROOT, 'libs')));
  if (Math.min(builtAt(BUILT_CLI), builtAt(BUILT_STANDALONE)) >= sources) return;
  const lock = join(ROOT, 'dist.build-lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      execFileSync('sleep', ['1']);
    }
  }
  try {
    if (Math.min(builtAt(BUILT_CLI), builtAt(BUILT_STANDALONE)) < sources)
      execFileSync('npx', ['nest', 'build'], { cwd: ROOT, stdio: 'inherit' });
  } finally {
    rmdirSync(lock);
  }
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `fairtender` with exactly `env` (plus PATH), waits for its exit. */
export function runCli(
  args: string[],
  env: Record<string, string>,
  options: { cwd?: string; input?: string } = {},
): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BUILT_CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (status) => done({ status: status ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A port free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

export interface RunningProcess {
  child: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts the built standalone app and waits until its log says it listens. */
export async function startStandalone(
  env: Record<string, string>,
  cwd: string,
): Promise<RunningProcess> {
  const child = spawn(process.execPath, [BUILT_STANDALONE], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((closed) => child.on('close', () => closed()));
  await new Promise<void>((ready, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // The banner ends with what the scheduler does: running, or a warning that it is not.
      if (/scheduler: running on|scheduler NOT RUNNING/.test(output)) ready();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('close', (code) => fail(new Error(`standalone exited with ${code}:\n${output}`)));
  });
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      // A shutdown that hangs must not hold the suite: cleanup, not an assertion.
      const hung = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(hung);
    },
  };
}
