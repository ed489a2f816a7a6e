import { Command } from 'commander';
import { addMigrateCommand } from './migrate.command';

/** The operator's tool. Replay, verify and export join `migrate` as the legal-replay issues land. */
export function buildProgram(): Command {
  const program = new Command('fairtender')
    .description('Fairtender operations on the configured event store (settings come from the environment)')
    .showHelpAfterError();
  addMigrateCommand(program);
  return program;
}
