import { PassThrough } from 'node:stream';
import { migrate, PgSqlClient, SqlEventStore, type Position } from '@fairtender/event-store';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '@fairtender/event-store/testing/scratch-database';
import { migrateReadModels, ProjectionRunner, ReadModelQueries } from '@fairtender/read-models';
import { CliError, type CliIo } from '../../apps/cli/src/cli-io';
import { buildProgram } from '../../apps/cli/src/program';
import { appendTender } from './legal-fixtures';

/** The legal-replay commands against a real PostgreSQL: replay, state, diff and the rebuild. */
describe('fairtender replay, state, diff and rebuild (PostgreSQL)', () => {
  let database: ScratchDatabase;
  let client: PgSqlClient;
  let store: SqlEventStore;
  let env: Record<string, string>;
  let opened: string;
  let sealed: string;

  beforeAll(async () => {
    database = await createScratchDatabase('legal_cli');
    client = new PgSqlClient({ connectionString: database.url, max: 5 });
    await migrate(client);
    await migrateReadModels(client);
    store = new SqlEventStore(client, { closeClient: false, pollIntervalMs: 50 });
    env = { EVENT_STORE: 'postgres', DATABASE_URL: database.url };
    opened = await appendTender(store);
    sealed = await appendTender(store, { opened: false });
  });
  afterAll(async () => {
    await store?.close();
    await client?.close();
    await database?.drop();
  });

  async function cli(args: string[], progress?: NodeJS.WritableStream) {
    const out: string[] = [];
    const io: CliIo = { env, print: (t) => out.push(t), warn: () => undefined, progress };
    const error = await buildProgram(io)
      .exitOverride()
      .parseAsync(['node', 'fairtender', ...args])
      .then(
        () => undefined,
        (e: unknown) => e as Error,
      );
    return { out, error };
  }

  async function projectLive(): Promise<Position> {
    const [last] = await store.readAll({ maxCount: 1_000_000 }).then((all) => all.slice(-1));
    const runner = new ProjectionRunner({ store, client });
    await runner.start();
    expect(await new ReadModelQueries(client).waitForPosition(last.position, 20_000)).toBe(true);
    await runner.stop();
    return last.position;
  }

  it('replay prints the history, one event a line, sealed bids unnamed', async () => {
    const { out, error } = await cli(['replay', opened, '--as', 'auditor-ada']);
    expect(error).toBeUndefined();
    expect(out).toHaveLength(17);
    expect(out[0]).toMatch(
      new RegExp(`^\\d+-\\d+ +2\\S+Z  tender-${opened}@0  TenderDrafted +u-alice +[0-9a-f]{16}$`),
    );
    expect(out.join('\n')).toContain(`tender-${opened}.bid-acme@0  BidSubmitted`);

    const hidden = await cli(['replay', sealed, '--kind', 'bid', '--json']);
    const entries = hidden.out.map((line) => JSON.parse(line));
    expect(entries.map((e) => [e.type, e.sealed])).toEqual([
      ['BidSubmitted', true],
      ['BidSubmitted', true],
      ['BidRevised', true],
      ['BidReconfirmed', true],
      ['BidSubmitted', true],
      ['BidRevised', true],
      ['BidWithdrawn', true],
      ['LateBidRefused', true],
    ]);
    expect(hidden.out.join('\n')).not.toMatch(/acme|birch|cedar|zeta/);

    const limited = await cli(['replay', opened, '--type', 'BidSubmitted', '--limit', '2']);
    expect(limited.out).toHaveLength(2);
    const bad = await cli(['replay', opened, '--kind', 'bids']);
    expect(bad.error).toBeInstanceOf(CliError);
    expect(bad.error!.message).toMatch(/--kind must be one of tender, bid/);
  });

  it('state --at folds to a moment; diff compares two; bad moments are refused plainly', async () => {
    const history = (await cli(['replay', opened, '--json'])).out.map((l) => JSON.parse(l));
    const amended = history.find((e) => e.type === 'NoticeAmended');
    const state = await cli(['state', opened, '--at', amended.position, '--as', 'legal-lee']);
    const view = JSON.parse(state.out.join('\n'));
    expect(view).toMatchObject({
      tenderId: opened,
      moment: amended.position,
      asOf: { position: amended.position },
      tender: {
        stage: 'tendering',
        noticeVersion: 2,
        terms: { title: 'Body-worn cameras and docks' },
      },
      bids: { sealed: false, bidCount: 2 },
    });
    const diff = JSON.parse(
      (
        await cli(['diff', opened, '--from', history[1].position, '--to', amended.position])
      ).out.join('\n'),
    );
    expect(diff.changes).toContainEqual({
      path: 'tender.terms.title',
      kind: 'changed',
      from: 'Body-worn cameras',
      to: 'Body-worn cameras and docks',
    });
    const bad = await cli(['state', opened, '--at', 'last tuesday']);
    expect(bad.error).toBeInstanceOf(CliError);
    expect(bad.error!.message).toMatch(/^INVALID_MOMENT: --at must be an ISO 8601 time/);
    const missing = await cli(['state', '00000000-0000-4000-8000-000000000000', '--at', '1-1']);
    expect(missing.error!.message).toBe(
      'TENDER_NOT_FOUND: No tender 00000000-0000-4000-8000-000000000000',
    );
    const audit = await store.readStream(`tender-${opened}.audit`);
    expect(audit.map((e) => [e.type, e.metadata.actor?.userId])).toContainEqual([
      'TenderStateViewed',
      'legal-lee',
    ]);
  });

  it('rebuild finds nothing to report when the live read models are right, drawing its progress', async () => {
    await projectLive();
    const progress = new PassThrough();
    let drawn = '';
    progress.on('data', (chunk: Buffer) => (drawn += chunk.toString()));
    const { out, error } = await cli(['rebuild'], progress);
    expect(error).toBeUndefined();
    expect(out[0]).toMatch(/^rebuilt \d+ events into fairtender_rebuild_\d+ in [\d.]+ s/);
    expect(out.at(-1)).toBe('identical: the live read models match a rebuild from zero');
    expect(out.join('\n')).toMatch(/rm_bids +live +\d+ +rebuilt +\d+ +identical/);
    expect(drawn).toMatch(/rebuild \|.*\| 100% \| \d+\/\d+ events/);
    const schemas = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM information_schema.schemata WHERE schema_name LIKE 'fairtender_rebuild_%'`,
    );
    expect(schemas[0].n).toBe('0');
  });

  it('rebuild names the rows a live read model got wrong, and fails', async () => {
    await projectLive();
    await client.query(
      `UPDATE rm_bids SET status = 'withdrawn' WHERE tender_id = $1 AND supplier_id = 'acme'`,
      [opened],
    );
    await client.query(
      `DELETE FROM rm_bid_receipts WHERE tender_id = $1 AND supplier_id = 'birch' AND ordinal = 2`,
      [opened],
    );
    const { out, error } = await cli(['rebuild', '--schema', 'legal_shadow', '--keep', '--json']);
    expect(error).toBeInstanceOf(CliError);
    expect(error!.message).toBe(
      'The live read models differ from a rebuild from zero (rm_bids: 1, rm_bid_receipts: 1)',
    );
    const report = JSON.parse(out.join('\n'));
    expect(report).toMatchObject({
      schema: 'legal_shadow',
      kept: true,
      identical: false,
      aligned: true,
    });
    const bids = report.tables.find((t: { table: string }) => t.table === 'rm_bids');
    expect(bids).toMatchObject({ differing: 1, missingFromLive: 0, extraInLive: 0 });
    expect(bids.samples[0]).toMatchObject({
      kind: 'differs',
      key: { tender_id: opened, supplier_id: 'acme' },
      columns: ['status'],
      live: { status: 'withdrawn' },
      rebuilt: { status: 'submitted' },
    });
    const receipts = report.tables.find((t: { table: string }) => t.table === 'rm_bid_receipts');
    expect(receipts).toMatchObject({ missingFromLive: 1 });
    const kept = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM legal_shadow.rm_bids`,
    );
    expect(Number(kept[0].n)).toBeGreaterThan(0);
    await client.query('DROP SCHEMA legal_shadow CASCADE');
  });

  it('explains itself in --help, each command', () => {
    const program = buildProgram();
    const help = (name: string) => {
      let text = '';
      program.commands
        .find((c) => c.name() === name)!
        .configureOutput({ writeOut: (t) => void (text += t) })
        .outputHelp();
      return text;
    };
    expect(help('replay')).toContain('--kind <kind>');
    expect(help('state')).toContain('--at <moment>');
    expect(help('verify')).toContain('--bundle <path>');
    expect(help('export')).toContain('--out <dir>');
    expect(help('rebuild')).toContain('--keep');
  });
});
