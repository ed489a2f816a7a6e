/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are JSON that tests inspect freely */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoUser, issueToken } from '@fairtender/auth';
import { loadConfig } from '@fairtender/config';
import {
  ensureBuilt,
  freePort,
  runCli,
  startStandalone,
  type RunningProcess,
} from '../support/built-apps';

/**
 * A newcomer's first minutes: `npm start`, then `npm run demo` seeds a tender at every stage by
 * moving the sandbox clock, each move an event; the clock survives a restart.
 */
describe('the sandbox clock and the demo seed (built app and CLI, embedded store)', () => {
  let dir: string;
  let app: RunningProcess | undefined;
  let port: number;
  let env: Record<string, string>;
  let auditor: string;
  let contractTenderId: string;
  const url = () => `http://127.0.0.1:${port}`;
  const get = async (path: string) => {
    const response = await fetch(`${url()}${path}`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const types = async (tenderId: string): Promise<string[]> =>
    (await get(`/tenders/${tenderId}/history?limit=1000`)).body.items.map(
      (entry: { type: string }) => entry.type,
    );

  beforeAll(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'ft-demo-'));
    port = await freePort();
    env = {
      NODE_ENV: 'development',
      PORT: String(port),
      EMBEDDED_DATA_DIR: join(dir, 'pglite'),
      REDIS_URL: '',
    };
    auditor = await issueToken(loadConfig({}).auth, demoUser('auditor-ada'));
    app = await startStandalone(env, dir);
  });
  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moving the clock back is refused with CLOCK_NOT_FORWARD', async () => {
    const before = await get('/sandbox/clock');
    expect(before.body.offsetSeconds).toBe(0);
    const back = await fetch(`${url()}/sandbox/clock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${auditor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ to: '2001-01-01T00:00:00Z' }),
    });
    expect(back.status).toBe(409);
    expect(((await back.json()) as any).code).toBe('CLOCK_NOT_FORWARD');
  });

  it('npm run demo creates a tender at every stage', async () => {
    const demo = await runCli(['demo', '--url', url(), '--json'], {});
    expect(demo.stderr).toContain('demo: moving the clock 31 days');
    expect(demo.status).toBe(0);
    const made = JSON.parse(demo.stdout) as Record<string, string>;
    expect(Object.keys(made).sort()).toEqual(
      ['challenged', 'contract', 'draft', 'evaluation', 'standstill', 'tendering'].sort(),
    );
    expect(await types(made.contract)).toEqual(
      expect.arrayContaining(['BidsOpened', 'AssessmentSummaryIssued', 'ContractConcluded']),
    );
    expect(await types(made.challenged)).toEqual(
      expect.arrayContaining(['ChallengeLodged', 'AwardSuspended']),
    );
    const standstill = await types(made.standstill);
    expect(standstill).toEqual(expect.arrayContaining(['StandstillStarted']));
    expect(standstill).not.toContain('ContractConcluded');
    const evaluation = await types(made.evaluation);
    expect(evaluation).toEqual(expect.arrayContaining(['BidsOpened', 'BidScored']));
    expect(evaluation).not.toContain('AwardProposed');
    const tendering = await types(made.tendering);
    expect(tendering).toEqual(expect.arrayContaining(['TenderPublished', 'BidSubmitted']));
    expect(tendering).not.toContain('TenderingClosed');
    expect(await types(made.draft)).toEqual(['TenderDrafted']);

    const clock = await get('/sandbox/clock');
    expect(clock.body.offsetSeconds).toBeGreaterThan(51 * 24 * 3600 - 60);
    contractTenderId = made.contract;
  });

  it('the contracted tender opens in a browser through a signed link, on the embedded store', async () => {
    const issued = await fetch(`${url()}/tenders/${contractTenderId}/evidence/links`, {
      method: 'POST',
      headers: { authorization: `Bearer ${auditor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ page: 'timeline' }),
    });
    expect(issued.status).toBe(201);
    const { path } = (await issued.json()) as { path: string };
    const page = await fetch(`${url()}${path}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Verified: the record is intact');
    expect(html).toContain('<h2>The contract</h2>');
  });

  it('after a restart the clock is read back from its SandboxClockMoved events', async () => {
    const offset = (await get('/sandbox/clock')).body.offsetSeconds;
    await app!.stop();
    app = await startStandalone(env, dir);
    expect(app.output()).toContain('sandbox clock');
    expect((await get('/sandbox/clock')).body.offsetSeconds).toBeCloseTo(offset, 0);
  });
});
