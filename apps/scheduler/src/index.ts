export { SchedulerModule } from './scheduler.module';
export { SchedulerAppModule } from './scheduler-app.module';
export { SchedulerLifecycle } from './scheduler-lifecycle.service';
export { RedisHealthIndicator } from './redis/redis.health';
export { REDIS } from './redis/redis.token';
export { DEADLINES_QUEUE, NOTIFICATIONS_QUEUE } from './queues/queue-names';
export { deadlineJobId } from './deadlines/deadline-schedule';
export { notificationJobId } from './notifications/notification-jobs';
export { QUEUE_DASHBOARD_PATH } from './operators/bull-board';
