export { SchedulerModule } from './scheduler.module';
export { SchedulerAppModule } from './scheduler-app.module';
export { RedisHealthIndicator } from './redis/redis.health';
export { REDIS } from './redis/redis.token';
