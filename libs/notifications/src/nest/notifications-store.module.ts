import { Logger, Module } from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import {
  DatabaseModule,
  migrateAtStartUp,
  SQL_CLIENT,
  type SqlClient,
} from '@fairtender/event-store';
import { DeliveryLog } from '../delivery-log';
import { NOTIFICATION_MIGRATIONS } from '../migrations';
import { NotificationOutbox } from '../notification-outbox';
import { WebhookRegistrations } from '../webhook-registrations';

/** Resolves once the notification tables exist; every store below waits for it. */
export const NOTIFICATIONS_SCHEMA = Symbol('NOTIFICATIONS_SCHEMA');

async function migrateOnStart(client: SqlClient, config: AppConfig) {
  const report = await migrateAtStartUp(client, NOTIFICATION_MIGRATIONS, config.migrateOnStart);
  const applied = report.applied.map((m) => `migration ${m.id} (${m.name})`);
  new Logger('Notifications').log(
    applied.length ? `applied ${applied.join(', ')}` : 'notification schema up to date',
  );
  return report;
}

/**
 * Webhook registrations, the notification outbox and the delivery log on the shared SQL client. The
 * api (registrations, the log) and the scheduler (deliveries) both import it; both migrate.
 */
@Module({
  imports: [DatabaseModule],
  providers: [
    { provide: NOTIFICATIONS_SCHEMA, useFactory: migrateOnStart, inject: [SQL_CLIENT, AppConfig] },
    {
      provide: WebhookRegistrations,
      useFactory: (client: SqlClient, config: AppConfig) =>
        new WebhookRegistrations(client, config.sealing.masterKey),
      inject: [SQL_CLIENT, AppConfig, NOTIFICATIONS_SCHEMA],
    },
    {
      provide: NotificationOutbox,
      useFactory: (client: SqlClient) => new NotificationOutbox(client),
      inject: [SQL_CLIENT, NOTIFICATIONS_SCHEMA],
    },
    {
      provide: DeliveryLog,
      useFactory: (client: SqlClient) => new DeliveryLog(client),
      inject: [SQL_CLIENT, NOTIFICATIONS_SCHEMA],
    },
  ],
  exports: [NOTIFICATIONS_SCHEMA, WebhookRegistrations, NotificationOutbox, DeliveryLog],
})
export class NotificationsStoreModule {}
