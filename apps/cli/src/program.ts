import { Command } from 'commander';
import { addMigrateCommand } from './migrate.command';

/** The operator's tool. Replay, verify and export join `migrate` as the legal-replay issues land. */
export function buildProgram(): Command {
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
  DATABASE_URL       postgres:// URL, required unless EVENT_STORE=embedded`,
    );
  addMigrateCommand(program);
  return program;
}
