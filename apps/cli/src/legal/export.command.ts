import { resolve } from 'node:path';
import type { Command } from 'commander';
import { BUNDLE_FILES, writeBundleDirectory } from '@fairtender/legal';
import { reportProgress, type CliIo } from '../cli-io';
import type { BundlePart } from '@fairtender/legal';
import { AS_OPTION, cliCaller, cliReplay, withStore } from './cli-store';

/** `fairtender export <tenderId> --out <dir>`: the evidence bundle as three files. */
export function addExportCommand(program: Command, io: CliIo): void {
  program
    .command('export')
    .argument('<tenderId>', 'the tender')
    .description("write a tender's evidence bundle to a directory")
    .requiredOption('--out <dir>', 'directory to write (created if missing)')
    .option(...AS_OPTION)
    .addHelpText(
      'after',
      `
Writes ${BUNDLE_FILES.events} (one RFC 8785 canonical JSON event per line, global order),
${BUNDLE_FILES.manifest} (stream heads, SHA-256 of every line and of the whole file) and
${BUNDLE_FILES.timeline} (a self-contained page to read in a browser). Anyone can check the bundle
without the server: \`fairtender verify --bundle <dir>\`, or the algorithm in the README.
Recorded as EvidenceBundleExported in tender-<id>.audit.`,
    )
    .action((tenderId: string, options: { out: string; as?: string }) =>
      withStore(io, async ({ store }) => {
        const directory = resolve(options.out);
        const parts = cliReplay(store).evidence(tenderId, cliCaller(options.as));
        const manifest = await writeBundleDirectory(directory, counted(io, parts));
        io.print(
          `exported ${manifest.eventCount} events of tender ${tenderId} (up to ${manifest.upTo ?? '—'}) to ${directory}`,
        );
        io.print(`  ${BUNDLE_FILES.events}  sha256 ${manifest.eventsSha256}`);
        io.print(`  ${BUNDLE_FILES.manifest}  ${manifest.streams.length} streams`);
        io.print(`  ${BUNDLE_FILES.timeline}`);
      }),
    );
}

/** Progress on stderr every 1,000 events written, and when the manifest is. */
async function* counted(io: CliIo, parts: AsyncIterable<BundlePart>): AsyncGenerator<BundlePart> {
  let events = 0;
  for await (const part of parts) {
    if (part.kind === 'event' && ++events % 1000 === 0)
      reportProgress(io, 'export', `${events} events written`);
    if (part.kind !== 'event')
      reportProgress(io, 'export', `${events} events written, manifest next`);
    yield part;
  }
}
