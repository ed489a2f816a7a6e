import type { Command } from 'commander';
import { loadConfig } from '@fairtender/config';
import { describeSqlTarget, migrate, openSqlClient } from '@fairtender/event-store';

const migrations = (count: number) => `${count} migration${count === 1 ? '' : 's'}`;

/** `fairtender migrate`: brings the schema of the configured database up to date and says what it did. */
export function addMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending schema migrations to the database of the configured EVENT_STORE')
    .action(async () => {
      const config = loadConfig();
      const target = describeSqlTarget(config.eventStore);
      const client = await openSqlClient(config.eventStore);
      try {
        const report = await migrate(client);
        if (report.applied.length === 0) {
          console.log(
            `${target}: nothing to apply (${migrations(report.alreadyApplied)} already applied)`,
          );
          return;
        }
        console.log(`${target}: applied ${migrations(report.applied.length)}`);
        for (const migration of report.applied) console.log(`  ${migration.id} ${migration.name}`);
      } finally {
        await client.close();
      }
    });
}
