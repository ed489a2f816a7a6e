import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '@fairtender/config';
import { parseTenderStream, tenderPrefix, upcast } from '@fairtender/domain';
import type { EventStore, Position } from '@fairtender/event-store';
import { compileRelease, releasesOf, type PublicationEvent } from '@fairtender/publication';
import { CliError, reportProgress, type CliIo } from '../cli-io';
import { EXIT } from '../exit-codes';
import { withStore } from '../legal/cli-store';

const PAGE = 1000;

/** Every event of a tender's streams in global order, upcast, as publication reads them. */
async function tenderEvents(store: EventStore, tenderId: string): Promise<PublicationEvent[]> {
  const events: PublicationEvent[] = [];
  let after: Position | undefined;
  for (;;) {
    const page = await store.readAll({
      after,
      streamPrefix: tenderPrefix(tenderId),
      maxCount: PAGE,
    });
    for (const recorded of page) {
      const stream = parseTenderStream(recorded.streamName);
      // The prefix also matches a longer tender id; only this tender's streams count.
      if (stream?.tenderId !== tenderId) continue;
      const { type, data } = upcast(recorded.type, recorded.version, recorded.data);
      events.push({ type, data, eventId: recorded.eventId, streamKind: stream.kind });
    }
    if (page.length < PAGE) return events;
    after = page[page.length - 1].position;
  }
}

/**
 * `fairtender ocds <tenderId…> [--out file]`: each tender's OCDS compiled release on one line (JSON
 * Lines), the input of the Open Contracting Partnership's Cardinal red-flag tool. Folded from the
 * event store itself with the projection's own mapping, so it needs no projector.
 */
export function addOcdsCommand(program: Command, io: CliIo): void {
  program
    .command('ocds')
    .argument('<tenderIds...>', 'one or more published tenders')
    .description("write each tender's OCDS compiled release as one line of JSON (Cardinal's input)")
    .option('--out <file>', 'write the lines to this file instead of standard output')
    .addHelpText(
      'after',
      `
One line per tender: the compiled release (OCDS 1.1.5 with the bid extension) merged from every
release of the tender, with ocid <OCDS_OCID_PREFIX>-<tenderId>. Only what is public is in it: before
the bids are opened no bidder appears. A draft or unknown tender is an error. Example:

  fairtender ocds <tenderId> --out tenders.jsonl && ocdscardinal indicators tenders.jsonl`,
    )
    .action((tenderIds: string[], options: { out?: string }) =>
      withStore(io, async ({ store }) => {
        const prefix = loadConfig(io.env).publication.ocidPrefix;
        const lines: string[] = [];
        for (const [index, tenderId] of tenderIds.entries()) {
          reportProgress(io, 'ocds', `tender ${index + 1} of ${tenderIds.length}: ${tenderId}`);
          const releases = releasesOf(tenderId, await tenderEvents(store, tenderId), prefix);
          if (releases.length === 0) {
            throw new CliError(
              `Tender ${tenderId} has no published release (unknown, or a draft)`,
              EXIT.notFound,
            );
          }
          lines.push(JSON.stringify(compileRelease(releases)));
        }
        if (options.out) await writeFile(options.out, lines.map((line) => `${line}\n`).join(''));
        else for (const line of lines) io.print(line);
      }),
    );
}
