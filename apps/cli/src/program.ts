import { Command } from 'commander';
import { processIo, type CliIo } from './cli-io';
import { addExportCommand } from './legal/export.command';
import { addRebuildCommand } from './legal/rebuild.command';
import { addReplayCommand } from './legal/replay.command';
import { addStateCommands } from './legal/state.command';
import { addVerifyCommand } from './legal/verify.command';
import { addMigrateCommand } from './migrate.command';
import { addTokensCommand } from './tokens.command';
import { addOcdsCommand } from './publication/ocds.command';

/** The operator's tool: schema, demo tokens, legal replay (replay, state, diff, verify, export) and read-model rebuilds. */
export function buildProgram(io: CliIo = processIo): Command {
  const program = new Command('fairtender')
    .description(
      'Fairtender operations on the configured event store (settings come from the environment)',
    )
    .showHelpAfterError()
    .addHelpText(
      'after',
      `
Environment:
  EVENT_STORE        embedded (default) | postgres | eventstoredb
  EMBEDDED_DATA_DIR  folder of the embedded database (default ./data/pglite; memory:// for none)
  DATABASE_URL       postgres:// URL, required unless EVENT_STORE=embedded
  AUTH_JWT_SECRET    shared secret that \`tokens\` signs with (a development secret when unset)`,
    );
  addMigrateCommand(program, io);
  addTokensCommand(program, io);
  addReplayCommand(program, io);
  addStateCommands(program, io);
  addVerifyCommand(program, io);
  addExportCommand(program, io);
  addRebuildCommand(program, io);
  addOcdsCommand(program, io);
  return program;
}
