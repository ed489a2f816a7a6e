import type { Command } from 'commander';
import { parseMoment } from '@fairtender/legal';
import type { CliIo } from '../cli-io';
import { AS_OPTION, cliCaller, cliReplay, explained, withStore } from './cli-store';

const MOMENT =
  'an ISO 8601 time with a time zone (2025-03-31T12:00:00Z) or a global position (1234-5678)';

/** `fairtender state <tenderId> --at <moment>` and `fairtender diff <tenderId> --from --to`. */
export function addStateCommands(program: Command, io: CliIo): void {
  program
    .command('state')
    .argument('<tenderId>', 'the tender')
    .description('print the state of a tender at a moment, as the deciders folded it (JSON)')
    .requiredOption('--at <moment>', MOMENT)
    .option(...AS_OPTION)
    .addHelpText(
      'after',
      `
A time includes every event the store recorded at or before it; a position every event up to and
including it. The tender stream is folded with the deciders' evolveTender, each bid stream with
evolveBid. Until the bids are opened, "bids" shows what the officers' register shows and nothing else.
Recorded as TenderStateViewed in tender-<id>.audit.`,
    )
    .action(async (tenderId: string, options: { at: string; as?: string }) => {
      const moment = await explained(async () => parseMoment(options.at, '--at'));
      await withStore(io, async ({ store }) => {
        const view = await cliReplay(store).state(tenderId, moment, cliCaller(options.as));
        io.print(JSON.stringify(view, null, 2));
      });
    });

  program
    .command('diff')
    .argument('<tenderId>', 'the tender')
    .description('print what changed in a tender between two moments (JSON)')
    .requiredOption('--from <moment>', MOMENT)
    .requiredOption('--to <moment>', MOMENT)
    .option(...AS_OPTION)
    .action(async (tenderId: string, options: { from: string; to: string; as?: string }) => {
      const [from, to] = await explained(async () => [
        parseMoment(options.from, '--from'),
        parseMoment(options.to, '--to'),
      ]);
      await withStore(io, async ({ store }) => {
        const diff = await cliReplay(store).diff(tenderId, from, to, cliCaller(options.as));
        io.print(JSON.stringify(diff, null, 2));
      });
    });
}
