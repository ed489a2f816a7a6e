import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig, AppConfigModule } from '@fairtender/config';
import { DocumentsModule } from '@fairtender/documents';
import { EventStoreModule, SQL_CLIENT } from '@fairtender/event-store';
import { NotificationsStoreModule } from '@fairtender/notifications';
import { LoggerModule } from '@fairtender/observability';
import { DeadlineJobs } from './deadlines/deadline-jobs';
import { DeadlineProcessor } from './deadlines/deadline.processor';
import { BatchHandler } from './feed/batch-handler';
import { FeedHealthIndicator } from './feed/feed.health';
import { Reconciler } from './feed/reconciler';
import { NotificationJobs } from './notifications/notification-jobs';
import { NotificationProcessor } from './notifications/notification.processor';
import { QueueDashboard } from './operators/bull-board';
import { UploadCleanup } from './documents/upload-cleanup';
import { DEADLINES_QUEUE, DOCUMENT_CLEANUP_QUEUE, NOTIFICATIONS_QUEUE } from './queues/queue-names';
import { QueuesHealthIndicator } from './queues/queues.health';
import { RedisModule } from './redis/redis.module';
import { SandboxClockFollower } from './sandbox/sandbox-clock-follower';
import { SchedulerClock } from './sandbox/scheduler-clock';
import { SchedulerLifecycle } from './scheduler-lifecycle.service';
import { migrateSchedulerOnStart, SCHEDULER_SCHEMA } from './scheduler-schema';

/**
 * Deadlines and notifications as BullMQ jobs on Redis, fed by a checkpointed subscription to the
 * event store (see SchedulerLifecycle). Any number of processes may run it on the same Redis and
 * database: job ids are deterministic and every job is idempotent.
 */
@Module({
  imports: [
    AppConfigModule,
    LoggerModule,
    EventStoreModule,
    DocumentsModule,
    RedisModule,
    NotificationsStoreModule,
    TerminusModule,
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.redisUrl },
        prefix: config.scheduler.queuePrefix,
      }),
    }),
    BullModule.registerQueue(
      { name: DEADLINES_QUEUE },
      { name: NOTIFICATIONS_QUEUE },
      { name: DOCUMENT_CLEANUP_QUEUE },
    ),
  ],
  providers: [
    {
      provide: SCHEDULER_SCHEMA,
      useFactory: migrateSchedulerOnStart,
      inject: [SQL_CLIENT, AppConfig],
    },
    SchedulerClock,
    SandboxClockFollower,
    DeadlineJobs,
    NotificationJobs,
    DeadlineProcessor,
    NotificationProcessor,
    BatchHandler,
    Reconciler,
    SchedulerLifecycle,
    QueuesHealthIndicator,
    FeedHealthIndicator,
    QueueDashboard,
    UploadCleanup,
  ],
  exports: [RedisModule, SchedulerLifecycle, QueuesHealthIndicator, FeedHealthIndicator],
})
export class SchedulerModule {}
