import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createEmbeddedEventStore } from '@fairtender/event-store';
import { appendTender } from '../legal/legal-fixtures';
import { ensureBuilt, ROOT, runCli } from '../support/built-apps';

const VERIFIER = join(ROOT, 'tools/verify-bundle.mjs');

function runVerifier(args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(process.execPath, [VERIFIER, ...args], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Rewrites one event line of a bundle (keeping it canonical) so its content no longer hashes. */
function tamper(bundle: string): void {
  const file = join(bundle, 'events.ndjson');
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const index = lines.findIndex((line) => line.includes('"type":"TenderPublished"'));
  lines[index] = lines[index].replace('"type":"TenderPublished"', '"type":"TenderPublishee"');
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** `fairtender` as scripts run it: the built binary, its exit codes, stderr progress, the verifier. */
describe('the fairtender command line, built, in its own process', () => {
  let dir: string;
  let env: Record<string, string>;
  let tenderId: string;

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'ft-cli-'));
    env = { EMBEDDED_DATA_DIR: join(dir, 'pglite'), NODE_ENV: 'development' };
    const store = await createEmbeddedEventStore({ dataDir: env.EMBEDDED_DATA_DIR });
    try {
      tenderId = await appendTender(store);
    } finally {
      await store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('starts with a shebang and prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin.fairtender).toBe('dist/apps/cli/src/main.js');
    expect(readFileSync(join(ROOT, pkg.bin.fairtender), 'utf8')).toMatch(
      /^#!\/usr\/bin\/env node\n/,
    );
    const version = await runCli(['--version'], env);
    expect(version).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
  });

  it('exit 2 for a usage error, 3 for an unknown tender', async () => {
    const unknownOption = await runCli(['replay', tenderId, '--no-such-option'], env);
    expect(unknownOption.status).toBe(2);
    expect(unknownOption.stderr).toContain("unknown option '--no-such-option'");
    const badLimit = await runCli(['replay', tenderId, '--limit', 'zero'], env);
    expect(badLimit.status).toBe(2);
    const missing = await runCli(['verify', randomUUID()], env);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('TENDER_NOT_FOUND');
  });

  it('export writes a bundle with progress on stderr; both verifiers accept it, then find the break (exit 4)', async () => {
    const bundle = join(dir, 'bundle');
    const exported = await runCli(['export', tenderId, '--out', bundle], env);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain(`events of tender ${tenderId}`);
    expect(exported.stderr).toContain('export: ');
    expect(exported.stderr).toContain('events written, manifest next');

    const intact = runVerifier([bundle]);
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain(`bundle of tender ${tenderId}: intact`);
    const replay = await runCli(['replay', tenderId], env);
    expect(replay.status).toBe(0);
    expect(replay.stderr).toMatch(/replay: \d+ entries/);

    tamper(bundle);
    const broken = runVerifier([bundle, '--json']);
    expect(broken.status).toBe(4);
    const report = JSON.parse(broken.stdout);
    expect(report.intact).toBe(false);
    expect(report.breaks[0]).toMatchObject({
      streamName: `tender-${tenderId}`,
      reason: 'content-changed',
    });
    const reasons = report.breaks.map((b: { reason: string }) => b.reason);
    expect(reasons).toEqual(expect.arrayContaining(['content-changed', 'line-digest-mismatch']));

    // The application's own verifier agrees, with the same exit code.
    const cli = await runCli(['verify', '--bundle', bundle], env);
    expect(cli.status).toBe(4);
    expect(cli.stderr).toContain('Integrity check failed');
  });

  it('the verifier tells a missing bundle (3) and a bad command line (2) apart', () => {
    expect(runVerifier([join(dir, 'nowhere')]).status).toBe(3);
    expect(runVerifier([]).status).toBe(2);
  });
});
