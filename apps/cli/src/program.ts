import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { processIo, type CliIo } from './cli-io';
import { addExportCommand } from './legal/export.command';
import { addRebuildCommand } from './legal/rebuild.command';
import { addReplayCommand } from './legal/replay.command';
import { addStateCommands } from './legal/state.command';
import { addVerifyCommand } from './legal/verify.command';
import { addDemoCommand } from './demo.command';
import { addMigrateCommand } from './migrate.command';
import { addTokensCommand } from './tokens.command';
import { addOcdsCommand } from './publication/ocds.command';

/** The operator's tool: schema, demo tokens, legal replay (replay, state, diff, verify, export) and read-model rebuilds. */
export function buildProgram(io: CliIo = processIo): Command {
  const program = new Command('fairtender')
    .description(
      'Fairtender operations on the configured event store (settings come from the environment)',
    )
    .version(packageVersion(), '-V, --version', 'print the version of fairtender')
    .showHelpAfterError()
    .addHelpText(
      'after',
      `
Environment:
  EVENT_STORE        embedded (default) | postgres | eventstoredb
  EMBEDDED_DATA_DIR  folder of the embedded database (default ./data/pglite; memory:// for none)
  DATABASE_URL       postgres:// URL, required unless EVENT_STORE=embedded
  AUTH_JWT_SECRET    shared secret that \`tokens\` signs with (a development secret when unset)
  (outside production, .env in the working directory is read first; the environment wins)

Exit codes:
  0 done   1 unexpected failure   2 usage or configuration   3 not found
  4 integrity failure (verify, rebuild)   5 the embedded database is in use by another process
Progress of long commands (export, replay, verify, ocds, rebuild) goes to stderr; output to stdout.`,
    );
  addMigrateCommand(program, io);
  addTokensCommand(program, io);
  addReplayCommand(program, io);
  addStateCommands(program, io);
  addVerifyCommand(program, io);
  addExportCommand(program, io);
  addRebuildCommand(program, io);
  addOcdsCommand(program, io);
  addDemoCommand(program, io);
  return program;
}

/** The version in the repository's package.json, found from here (sources) or from dist/. */
export function packageVersion(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === 'fairtender' && pkg.version) return pkg.version;
  }
  return '0.0.0-unknown';
}
