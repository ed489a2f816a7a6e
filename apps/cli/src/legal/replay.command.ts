import type { Command } from 'commander';
import {
  parseCursor,
  parseMoment,
  ReplayError,
  type HistoryEntry,
  type HistoryQuery,
  type StreamKind,
} from '@fairtender/legal';
import { formatPosition } from '@fairtender/event-store';
import { CliError, reportProgress, type CliIo } from '../cli-io';
import { AS_OPTION, cliCaller, cliReplay, withStore } from './cli-store';

interface ReplayOptions {
  after?: string;
  limit?: string;
  stream?: string;
  kind?: StreamKind;
  type?: string;
  actor?: string;
  from?: string;
  to?: string;
  json?: boolean;
  as?: string;
}

const KINDS = ['tender', 'bid', 'refusals', 'audit', 'other'];

/** `fairtender replay <tenderId>`: the tender's history, every stream, in global order. */
export function addReplayCommand(program: Command, io: CliIo): void {
  program
    .command('replay')
    .argument('<tenderId>', 'the tender')
    .description("print a tender's history across all its streams, in global order")
    .option('--after <position>', 'start after this position (exclusive)')
    .option('--limit <n>', 'at most this many events (default: all)')
    .option('--stream <name>', 'only this stream (exact name)')
    .option('--kind <kind>', `only streams of this kind: ${KINDS.join(', ')}`)
    .option('--type <types>', 'only these event types, comma-separated')
    .option('--actor <userId>', 'only events by this user')
    .option('--from <time>', 'only events recorded at or after this ISO 8601 time')
    .option('--to <time>', 'only events recorded at or before this ISO 8601 time')
    .option('--json', 'one JSON entry per line (NDJSON) instead of a table')
    .option(...AS_OPTION)
    .addHelpText(
      'after',
      `
Columns: position, recorded at (UTC), stream@revision, type, actor, first 16 hex digits of the hash.
Until the bids are opened, a bid event shows only its type and time (stream "…bid-(sealed)").
Each page read is recorded as TenderHistoryViewed in tender-<id>.audit.

Example:
  fairtender replay 4f308fbc-1806-4c06-b188-0545fe9c42dc --kind bid --as legal-lee`,
    )
    .action((tenderId: string, options: ReplayOptions) =>
      withStore(io, async ({ store }) => {
        const replay = cliReplay(store);
        const caller = cliCaller(options.as);
        const query = historyQuery(options);
        const wanted = options.limit === undefined ? Infinity : positiveInteger(options.limit);
        let printed = 0;
        let after = query.after;
        for (;;) {
          const limit = Math.min(1000, wanted - printed);
          const cursor = after && formatPosition(after);
          const asked = asRecord({ ...options, after: cursor, limit: String(limit) });
          const page = await replay.history(tenderId, { ...query, after, limit }, caller, asked);
          for (const entry of page.items)
            io.print(options.json ? JSON.stringify(entry) : row(entry));
          printed += page.items.length;
          reportProgress(io, 'replay', `${printed} entries`);
          if (!page.nextCursor || printed >= wanted) return;
          after = parseCursor(page.nextCursor);
        }
      }),
    );
}

function historyQuery(options: ReplayOptions): HistoryQuery {
  if (options.kind !== undefined && !KINDS.includes(options.kind)) {
    throw new CliError(`--kind must be one of ${KINDS.join(', ')} (got "${options.kind}")`);
  }
  const time = (value: string | undefined, name: string) => {
    if (value === undefined) return undefined;
    const moment = parseMoment(value, name);
    if (moment.kind !== 'time')
      throw new ReplayError('INVALID_MOMENT', `${name} must be an ISO 8601 time`);
    return new Date(moment.ms);
  };
  return {
    after: options.after === undefined ? undefined : parseCursor(options.after),
    stream: options.stream,
    kind: options.kind,
    types: options.type?.split(',').filter(Boolean),
    actor: options.actor,
    from: time(options.from, '--from'),
    to: time(options.to, '--to'),
  };
}

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new CliError(`--limit must be a whole number ≥ 1 (got "${text}")`);
  }
  return value;
}

function asRecord(options: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(options)
      .filter(([key, value]) => value !== undefined && key !== 'json' && key !== 'as')
      .map(([key, value]) => [key, String(value)]),
  );
}

function row(entry: HistoryEntry): string {
  const actor = entry.sealed ? '(sealed)' : (entry.actor?.userId ?? '—');
  const where =
    entry.revision === undefined ? entry.streamName : `${entry.streamName}@${entry.revision}`;
  return [
    entry.position.padEnd(14),
    entry.recordedAt,
    where,
    entry.type.padEnd(24),
    actor.padEnd(16),
    entry.hash ? entry.hash.slice(0, 16) : '',
  ].join('  ');
}
