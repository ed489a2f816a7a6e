import { Logger } from '@nestjs/common';
import type { AppConfig } from '@fairtender/config';
import { migrateAtStartUp, type SqlClient } from '@fairtender/event-store';
import { SCHEDULER_MIGRATIONS } from './feed/checkpoint';

/** Resolves once the scheduler's table exists. */
export const SCHEDULER_SCHEMA = Symbol('SCHEDULER_SCHEMA');

export async function migrateSchedulerOnStart(client: SqlClient, config: AppConfig) {
  const report = await migrateAtStartUp(client, SCHEDULER_MIGRATIONS, config.migrateOnStart);
  const applied = report.applied.map((m) => `migration ${m.id} (${m.name})`);
  new Logger('Scheduler').log(
    applied.length ? `applied ${applied.join(', ')}` : 'scheduler schema up to date',
  );
  return report;
}
