import { Logger } from '@nestjs/common';
import type { SqlClient } from '@fairtender/event-store';
import { migrateScheduler } from './feed/checkpoint';

/** Resolves once the scheduler's table exists. */
export const SCHEDULER_SCHEMA = Symbol('SCHEDULER_SCHEMA');

export async function migrateSchedulerOnStart(client: SqlClient) {
  const report = await migrateScheduler(client);
  const applied = report.applied.map((m) => `migration ${m.id} (${m.name})`);
  new Logger('Scheduler').log(
    applied.length ? `applied ${applied.join(', ')}` : 'scheduler schema up to date',
  );
  return report;
}
