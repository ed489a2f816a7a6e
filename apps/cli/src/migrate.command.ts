import type { Command } from 'commander';
import { loadConfig } from '@fairtender/config';
import { describeSqlTarget, migrate, MIGRATIONS, openSqlClient } from '@fairtender/event-store';
import { NOTIFICATION_MIGRATIONS } from '@fairtender/notifications';
import { READ_MODEL_MIGRATIONS } from '@fairtender/read-models';
import { SCHEDULER_MIGRATIONS } from '../../scheduler/src';
import type { CliIo } from './cli-io';

/** Every owner's migrations (docs/operations.md#migrations), in the order of their ids. */
export const ALL_MIGRATIONS = [
  ...MIGRATIONS,
  ...READ_MODEL_MIGRATIONS,
  ...NOTIFICATION_MIGRATIONS,
  ...SCHEDULER_MIGRATIONS,
].sort((a, b) => a.id - b.id);

const migrations = (count: number) => `${count} migration${count === 1 ? '' : 's'}`;

/** `fairtender migrate`: brings the schema of the configured database up to date and says what it did. */
export function addMigrateCommand(program: Command, io: CliIo): void {
  program
    .command('migrate')
    .description(
      'apply every pending schema migration (event store, read models, notifications, scheduler) to the configured database',
    )
    .action(async () => {
      const config = loadConfig(io.env);
      const target = describeSqlTarget(config.eventStore);
      const client = await openSqlClient(config.eventStore);
      try {
        const report = await migrate(client, ALL_MIGRATIONS);
        if (report.applied.length === 0) {
          io.print(
            `${target}: nothing to apply (${migrations(report.alreadyApplied)} already applied)`,
          );
          return;
        }
        io.print(`${target}: applied ${migrations(report.applied.length)}`);
        for (const migration of report.applied) io.print(`  ${migration.id} ${migration.name}`);
      } finally {
        await client.close();
      }
    });
}
