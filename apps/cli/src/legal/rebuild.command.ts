import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '@fairtender/config';
import type { Position, SqlClient } from '@fairtender/event-store';
import {
  migrateReadModels,
  readCheckpoint,
  readModelProjections,
  rebuildAndCompare,
  type RebuildReport,
  type TableComparison,
} from '@fairtender/read-models';
import { CliError, type CliIo } from '../cli-io';
import { EXIT } from '../exit-codes';
import { withStore } from './cli-store';

interface RebuildOptions {
  schema?: string;
  keep?: boolean;
  json?: boolean;
  batchSize?: string;
}

/** `fairtender rebuild`: every read model rebuilt from zero beside the live ones, then compared. */
export function addRebuildCommand(program: Command, io: CliIo): void {
  program
    .command('rebuild')
    .description(
      'rebuild every read model from zero into a shadow schema, then compare it with the live read models',
    )
    .option('--schema <name>', 'shadow schema to build in (default fairtender_rebuild_<time>)')
    .option('--keep', 'keep the shadow schema afterwards, to inspect it')
    .option('--batch-size <n>', 'events per transaction', '10000')
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      `
The live read models are left untouched: the rebuild runs the projections (the projector's own code,
batch by batch with its checkpoint) into a new schema of the same database, up to the live
checkpoint, catching up if the live projector moves on, then compares every table row by row at the
same position (tenders, clarifications, bids, bid receipts). A progress bar with an ETA is drawn on
stderr. Exits with status 1 when a table differs; the first differences are listed.`,
    )
    .action((options: RebuildOptions) =>
      withStore(io, async ({ store, client, eventsInSql }) => {
        await migrateReadModels(client);
        const batchSize = Number(options.batchSize ?? '10000');
        if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
          throw new CliError(`--batch-size must be a whole number from 1 to 10000`);
        }
        const total = eventsInSql ? await countEvents(client, await readCheckpoint(client)) : 0;
        const bar = progressBar(io, total);
        let report: RebuildReport;
        try {
          report = await rebuildAndCompare({
            store,
            client,
            schema: options.schema,
            keep: options.keep,
            batchSize,
            // The same integrity thresholds as the projector's, or red flags would differ.
            projections: readModelProjections({ integrity: loadConfig(io.env).integrity }),
            onProgress: ({ events }) => {
              if (!bar) return;
              if (events > bar.getTotal()) bar.setTotal(events);
              bar.update(events);
            },
          });
        } finally {
          bar?.stop();
        }
        if (options.json) io.print(JSON.stringify(report, null, 2));
        else printReport(io, report);
        if (!report.identical) {
          throw new CliError(
            `The live read models differ from a rebuild from zero (${report.tables
              .filter((t) => t.differences > 0)
              .map((t) => `${t.table}: ${t.differences}`)
              .join(', ')})`,
            EXIT.integrity,
          );
        }
      }),
    );
}

/** Events up to the live checkpoint (or all): the bar's total, for its ETA. */
async function countEvents(client: SqlClient, upTo: Position | undefined): Promise<number> {
  const [row] = await client.query<{ n: string }>(
    upTo
      ? `SELECT count(*)::text AS n FROM fairtender_events WHERE (transaction_id, position) <= ($1::xid8, $2::bigint)`
      : `SELECT count(*)::text AS n FROM fairtender_events`,
    upTo ? [upTo.commit.toString(), upTo.prepare.toString()] : [],
  );
  return Number(row.n);
}

function progressBar(io: CliIo, total: number): SingleBar | undefined {
  if (!io.progress) return undefined;
  const bar = new SingleBar({
    stream: io.progress,
    format: 'rebuild |{bar}| {percentage}% | {value}/{total} events | ETA {eta_formatted}',
    etaBuffer: 50,
    fps: 5,
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 5000,
  });
  bar.start(total, 0);
  return bar;
}

function printReport(io: CliIo, report: RebuildReport): void {
  const rate = report.seconds > 0 ? Math.round(report.eventsProjected / report.seconds) : 0;
  io.print(
    `rebuilt ${report.eventsProjected.toLocaleString('en-GB')} events into ${report.schema} in ${report.seconds.toFixed(1)} s (${rate.toLocaleString('en-GB')} events/s)${report.kept ? ', kept' : ', dropped afterwards'}`,
  );
  io.print(
    `compared at position ${report.rebuiltTo ?? '(empty log)'}; live checkpoint ${report.liveCheckpoint ?? '(never projected)'}${report.aligned ? '' : ' — NOT the same position: the live projector was reset or did not stand still'}`,
  );
  for (const table of report.tables) io.print(tableLine(table));
  io.print(
    report.identical
      ? 'identical: the live read models match a rebuild from zero'
      : 'DIFFERENT: see the rows above',
  );
}

function tableLine(table: TableComparison): string {
  const head = `  ${table.table.padEnd(18)} live ${String(table.liveRows).padStart(7)}  rebuilt ${String(table.rebuiltRows).padStart(7)}  `;
  if (table.differences === 0) return `${head}identical`;
  const counts = [
    table.differing && `${table.differing} differ`,
    table.missingFromLive && `${table.missingFromLive} missing from live`,
    table.extraInLive && `${table.extraInLive} only in live`,
  ].filter(Boolean);
  const samples = table.samples.map(
    (s) =>
      `      ${s.kind.padEnd(17)} ${JSON.stringify(s.key)}${s.kind === 'differs' ? `: ${s.columns.join(', ')}` : ''}`,
  );
  return [`${head}${counts.join(', ')}`, ...samples].join('\n');
}
