import type { Command } from 'commander';
import {
  verifyBundleAt,
  type BundleVerification,
  type ChainBreak,
  type VerificationReport,
} from '@fairtender/legal';
import { CliError, reportProgress, type CliIo } from '../cli-io';
import { EXIT } from '../exit-codes';
import { AS_OPTION, cliCaller, cliReplay, explained, withStore } from './cli-store';

interface VerifyOptions {
  bundle?: string;
  json?: boolean;
  as?: string;
}

/** `fairtender verify <tenderId>` (the database) or `fairtender verify --bundle <path>` (offline). */
export function addVerifyCommand(program: Command, io: CliIo): void {
  program
    .command('verify')
    .argument('[tenderId]', 'the tender to verify in the configured database')
    .description(
      "recompute a tender's hash chains and anchored heads, in the database or in an evidence bundle",
    )
    .option(
      '--bundle <path>',
      'verify this bundle offline instead: a directory (events.ndjson + manifest.json) or an .ndjson file ending with its manifest; no database or server is used',
    )
    .option('--json', 'print the full report as JSON')
    .option(...AS_OPTION)
    .addHelpText(
      'after',
      `
Exits with status 4 when the chain is broken (2 for a bad command line, 3 for an unknown tender), naming the first break: stream, revision, reason,
the expected and the actual hash (and, for a bundle, the line). Verifying the database is recorded
as TenderIntegrityVerified in tender-<id>.audit; verifying a bundle writes nothing anywhere.

Examples:
  fairtender verify 4f308fbc-1806-4c06-b188-0545fe9c42dc
  fairtender verify --bundle ./evidence/4f308fbc`,
    )
    .action(async (tenderId: string | undefined, options: VerifyOptions) => {
      if ((tenderId === undefined) === (options.bundle === undefined)) {
        throw new CliError('Give either a tender id (verify the database) or --bundle <path>');
      }
      if (options.bundle !== undefined) {
        reportProgress(io, 'verify', `reading the bundle at ${options.bundle}`);
        const report = await explained(() => verifyBundleAt(options.bundle!));
        printBundle(io, report, options.json);
        if (!report.intact) throw new CliError(brokenMessage(report.firstBreak!), EXIT.integrity);
        return;
      }
      reportProgress(
        io,
        'verify',
        `opening the store, then recomputing tender ${tenderId}'s chains`,
      );
      const report = await withStore(io, ({ store }) =>
        cliReplay(store).verify(tenderId!, cliCaller(options.as)),
      );
      reportProgress(io, 'verify', `${report.eventsChecked} events checked`);
      printStore(io, report, options.json);
      if (!report.intact) throw new CliError(brokenMessage(report.firstBreak!), EXIT.integrity);
    });
}

function printStore(io: CliIo, report: VerificationReport, json?: boolean): void {
  if (json) return io.print(JSON.stringify(report, null, 2));
  const sealed = report.sealedEvents
    ? ` (${report.sealedEvents} of them in sealed bid streams)`
    : '';
  io.print(
    `tender ${report.tenderId}: ${report.intact ? 'intact' : 'BROKEN'} — ${report.eventsChecked} events checked${sealed}, ${report.anchorsChecked} anchored heads, up to position ${report.upTo ?? '—'}`,
  );
  for (const stream of report.streams) {
    io.print(
      `  ${stream.streamName}  ${stream.events} events, head @${stream.headRevision} ${stream.headHash}`,
    );
  }
  printBreaks(io, report.breaks);
}

function printBundle(io: CliIo, report: BundleVerification, json?: boolean): void {
  if (json) return io.print(JSON.stringify(report, null, 2));
  io.print(
    `bundle of tender ${report.tenderId}: ${report.intact ? 'intact' : 'BROKEN'} — ${report.lines} lines, ${report.eventsChecked} events chained (${report.withheldEvents} with withheld fields, checked by their content hash), ${report.sealedEvents} sealed placeholders, ${report.anchorsChecked} anchored heads, up to position ${report.upTo ?? '—'}`,
  );
  printBreaks(io, report.breaks);
}

function printBreaks(io: CliIo, breaks: ChainBreak[]): void {
  if (breaks.length === 0) return;
  const [first] = breaks;
  io.print('first break:');
  for (const [label, value] of [
    ['line', first.line],
    ['stream', first.streamName],
    ['revision', first.revision],
    ['reason', first.reason],
    ['expected', first.expectedHash],
    ['actual', first.actualHash],
    ['position', first.position],
  ] as const) {
    if (value !== undefined && value !== null) io.print(`  ${label.padEnd(9)} ${value}`);
  }
  io.print(`  ${first.message}`);
  if (breaks.length > 1) io.print(`(${breaks.length} breaks in all; --json lists them)`);
}

function brokenMessage(first: ChainBreak): string {
  const line = first.line === undefined ? '' : `line ${first.line}: `;
  return `Integrity check failed: ${line}${first.streamName}${first.revision === null ? '' : `@${first.revision}`} ${first.reason}`;
}
