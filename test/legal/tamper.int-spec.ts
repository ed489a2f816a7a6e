import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createPostgresEventStore, type SqlEventStore } from '@fairtender/event-store';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { verifyBundleAt, verifyTender } from '@fairtender/legal';
import { CliError, type CliIo } from '../../apps/cli/src/cli-io';
import { buildProgram } from '../../apps/cli/src/program';
import { appendTender } from './legal-fixtures';

/**
 * Tampering with stored events in SQL, and with an exported bundle on disk: verification names the
 * event (stream, revision, reason, expected and actual hash) or the line. Real PostgreSQL.
 */
describe('tamper evidence (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let store: SqlEventStore;
  let sql: Client;
  let directory: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createScratchDatabase('legal_tamper');
    store = await createPostgresEventStore({ connectionString: database.url });
    sql = new Client({ connectionString: database.url });
    await sql.connect();
    directory = await mkdtemp(join(tmpdir(), 'fairtender-tamper-'));
    env = { EVENT_STORE: 'postgres', DATABASE_URL: database.url, LOG_LEVEL: 'warn' };
  });
  afterAll(async () => {
    await sql?.end();
    await store?.close();
    await database?.drop();
    await rm(directory, { recursive: true, force: true });
  });

  async function cli(args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { env, print: (t) => out.push(t), warn: (t) => err.push(t) };
    const error = await buildProgram(io)
      .exitOverride()
      .parseAsync(['node', 'fairtender', ...args])
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    return { out, err, error: error as Error | undefined };
  }

  async function storedHash(streamName: string, revision: number): Promise<string> {
    const { rows } = await sql.query<{ hash: string }>(
      `SELECT encode(hash, 'hex') AS hash FROM fairtender_events WHERE stream_name = $1 AND revision = $2`,
      [streamName, revision],
    );
    return rows[0].hash;
  }

  it('an untouched tender verifies, in the library and on the command line', async () => {
    const tenderId = await appendTender(store);
    const report = await verifyTender(store, tenderId);
    expect(report).toMatchObject({ intact: true, firstBreak: null, anchorsChecked: 4 });
    expect(report.eventsChecked).toBe(17);
    const { out, error } = await cli(['verify', tenderId, '--as', 'auditor-ada']);
    expect(error).toBeUndefined();
    expect(out[0]).toMatch(new RegExp(`^tender ${tenderId}: intact — 17 events checked`));
    const [audit] = await store.readStream(`tender-${tenderId}.audit`);
    expect(audit).toMatchObject({
      type: 'TenderIntegrityVerified',
      data: { intact: true, via: 'cli' },
      metadata: { actor: { userId: 'auditor-ada', role: 'auditor' } },
    });
  });

  it('changed data: names the event, with its stored hash and the hash of what is there now', async () => {
    const tenderId = await appendTender(store);
    const stream = `tender-${tenderId}.bid-acme`;
    const before = await storedHash(stream, 1);
    await sql.query(
      `UPDATE fairtender_events SET data = jsonb_set(data, '{receivedAt}', '"2025-03-03T08:00:00.000Z"')
        WHERE stream_name = $1 AND revision = 1`,
      [stream],
    );
    const report = await verifyTender(store, tenderId);
    expect(report.intact).toBe(false);
    expect(report.firstBreak).toMatchObject({
      streamName: stream,
      revision: 1,
      reason: 'content-changed',
      expectedHash: before,
      actualHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(report.firstBreak!.actualHash).not.toBe(before);
    expect(report.breaks).toHaveLength(1);

    const { out, error } = await cli(['verify', tenderId]);
    expect(error).toBeInstanceOf(CliError);
    expect(error!.message).toBe(`Integrity check failed: ${stream}@1 content-changed`);
    expect(out).toEqual(
      expect.arrayContaining([`  stream    ${stream}`, '  revision  1', `  expected  ${before}`]),
    );
  });

  it('changed metadata (who did it) is caught the same way', async () => {
    const tenderId = await appendTender(store);
    const stream = `tender-${tenderId}`;
    await sql.query(
      `UPDATE fairtender_events SET metadata = jsonb_set(metadata, '{actor,userId}', '"u-mallory"')
        WHERE stream_name = $1 AND revision = 5`,
      [stream],
    );
    expect((await verifyTender(store, tenderId)).firstBreak).toMatchObject({
      streamName: stream,
      revision: 5,
      reason: 'content-changed',
    });
  });

  it('a deleted event: names the missing revision and the hash it had', async () => {
    const tenderId = await appendTender(store);
    const stream = `tender-${tenderId}`;
    const deleted = await storedHash(stream, 3);
    await sql.query(`DELETE FROM fairtender_events WHERE stream_name = $1 AND revision = 3`, [
      stream,
    ]);
    const report = await verifyTender(store, tenderId);
    expect(report.firstBreak).toMatchObject({
      streamName: stream,
      revision: 3,
      reason: 'missing-event',
      expectedHash: deleted,
      actualHash: null,
    });
  });

  it('a deleted anchored head: the opening names the bid stream revision it committed to', async () => {
    const tenderId = await appendTender(store);
    const stream = `tender-${tenderId}.bid-birch`;
    const anchored = await storedHash(stream, 1);
    await sql.query(`DELETE FROM fairtender_events WHERE stream_name = $1 AND revision = 1`, [
      stream,
    ]);
    const report = await verifyTender(store, tenderId);
    expect(report.firstBreak).toMatchObject({
      streamName: stream,
      revision: 1,
      reason: 'anchored-head-missing',
      expectedHash: anchored,
      actualHash: null,
    });
  });

  it('two events swapped (their content and hashes): names the first of them', async () => {
    const tenderId = await appendTender(store);
    const stream = `tender-${tenderId}.bid-acme`;
    const [first, second] = [await storedHash(stream, 0), await storedHash(stream, 1)];
    await sql.query(
      `UPDATE fairtender_events e
          SET data = o.data, metadata = o.metadata, type = o.type, hash = o.hash, previous_hash = o.previous_hash
         FROM fairtender_events o
        WHERE e.stream_name = $1 AND o.stream_name = $1
          AND ((e.revision = 0 AND o.revision = 1) OR (e.revision = 1 AND o.revision = 0))`,
      [stream],
    );
    expect(await storedHash(stream, 0)).toBe(second);
    const report = await verifyTender(store, tenderId);
    expect(report.firstBreak).toMatchObject({
      streamName: stream,
      revision: 0,
      reason: 'previous-hash-mismatch',
      expectedHash: '0'.repeat(64),
      actualHash: first,
    });
  });

  it('two events swapped by renumbering their revisions: names the revision out of order', async () => {
    const tenderId = await appendTender(store);
    const stream = `tender-${tenderId}`;
    await sql.query('BEGIN');
    await sql.query(
      `UPDATE fairtender_events SET revision = -1 WHERE stream_name = $1 AND revision = 4`,
      [stream],
    );
    await sql.query(
      `UPDATE fairtender_events SET revision = 4 WHERE stream_name = $1 AND revision = 5`,
      [stream],
    );
    await sql.query(
      `UPDATE fairtender_events SET revision = 5 WHERE stream_name = $1 AND revision = -1`,
      [stream],
    );
    await sql.query('COMMIT');
    const report = await verifyTender(store, tenderId);
    expect(report.firstBreak).toMatchObject({
      streamName: stream,
      revision: 4,
      reason: 'revision-order',
    });
  });

  it('while the bids are sealed, a break in a bid stream is reported without naming the bidder', async () => {
    const tenderId = await appendTender(store, { opened: false });
    await sql.query(
      `UPDATE fairtender_events SET data = jsonb_set(data, '{sizeBytes}', '1')
        WHERE stream_name = $1 AND revision = 0`,
      [`tender-${tenderId}.bid-birch`],
    );
    const report = await verifyTender(store, tenderId);
    expect(report.firstBreak).toMatchObject({
      streamName: `tender-${tenderId}.bid-(sealed)`,
      revision: 0,
      reason: 'content-changed',
    });
    expect(JSON.stringify(report)).not.toMatch(/acme|birch|cedar|zeta/);
  });

  describe('an exported bundle', () => {
    let tenderId: string;
    let bundle: string;
    let events: string[];

    beforeAll(async () => {
      tenderId = await appendTender(store);
      bundle = join(directory, 'bundle');
      const exported = await cli(['export', tenderId, '--out', bundle, '--as', 'legal-lee']);
      expect(exported.error).toBeUndefined();
      expect(exported.out[0]).toMatch(/^exported 17 events of tender /);
      events = (await readFile(join(bundle, 'events.ndjson'), 'utf8')).trimEnd().split('\n');
    });

    async function tampered(name: string, lines: string[]): Promise<string> {
      const copy = join(directory, name);
      await rm(copy, { recursive: true, force: true });
      await cli(['export', tenderId, '--out', copy]);
      await writeFile(join(copy, 'manifest.json'), await readFile(join(bundle, 'manifest.json')));
      await writeFile(join(copy, 'events.ndjson'), lines.map((l) => `${l}\n`).join(''));
      return copy;
    }

    it('verifies offline, with the database gone from the picture', async () => {
      const { out, error } = await cli(['verify', '--bundle', bundle]);
      expect(error).toBeUndefined();
      expect(out[0]).toMatch(
        new RegExp(`^bundle of tender ${tenderId}: intact — 17 lines, 17 events chained`),
      );
      const [exported] = (await store.readStream(`tender-${tenderId}.audit`)).filter(
        (e) => e.type === 'EvidenceBundleExported',
      );
      expect(exported).toMatchObject({
        data: { completed: true, eventCount: 17, via: 'cli' },
        metadata: { actor: { userId: 'legal-lee', role: 'legal' } },
      });
    });

    it('a changed answer in line 6 fails on line 6', async () => {
      const lines = [...events];
      expect(JSON.parse(lines[5]).type).toBe('ClarificationAnswered');
      lines[5] = lines[5].replace('Yes, two per camera.', 'No, none.');
      const copy = await tampered('changed', lines);
      const { out, error } = await cli(['verify', '--bundle', copy]);
      expect(error).toBeInstanceOf(CliError);
      expect(error!.message).toBe(
        `Integrity check failed: line 6: tender-${tenderId}@4 content-changed`,
      );
      expect(out).toContain('  line      6');
      const report = await verifyBundleAt(copy);
      expect(report.firstBreak).toMatchObject({ line: 6, reason: 'content-changed', revision: 4 });
    });

    it('a changed time that no hash covers still fails on its line, by the manifest', async () => {
      const lines = [...events];
      lines[9] = lines[9].replace(
        /"recordedAt":"[^"]+"/,
        '"recordedAt":"2020-01-01T00:00:00.000Z"',
      );
      const report = await verifyBundleAt(await tampered('retimed', lines));
      expect(report.firstBreak).toMatchObject({ line: 10, reason: 'line-digest-mismatch' });
    });

    it('a deleted line fails where the chain breaks', async () => {
      const lines = events.filter((_, i) => i !== 6);
      const report = await verifyBundleAt(await tampered('deleted', lines));
      expect(report.intact).toBe(false);
      expect(report.firstBreak?.line).toBe(7);
    });

    it('a single NDJSON file with its manifest last verifies the same way', async () => {
      const manifest = JSON.parse(await readFile(join(bundle, 'manifest.json'), 'utf8'));
      const file = join(directory, 'bundle.ndjson');
      await writeFile(file, `${events.join('\n')}\n${JSON.stringify({ manifest })}\n`);
      expect((await verifyBundleAt(file)).intact).toBe(true);
      const altered = [...events];
      altered[0] = altered[0].replace('"revision":0', '"revision":1');
      await writeFile(file, `${altered.join('\n')}\n${JSON.stringify({ manifest })}\n`);
      expect((await verifyBundleAt(file)).firstBreak).toMatchObject({ line: 1 });
    });
  });
});
