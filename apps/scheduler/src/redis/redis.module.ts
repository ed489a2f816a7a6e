import { Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig } from '@fairtender/config';
import { Redis } from 'ioredis';
import { RedisHealthIndicator } from './redis.health';
import { REDIS } from './redis.token';

function connectRedis(config: AppConfig): Redis {
  const logger = new Logger('Redis');
  const redis = new Redis(config.redisUrl, {
    // Nothing blocks start-up on Redis; the first command (or health check) connects.
    lazyConnect: true,
    // Fail a command after one reconnection attempt instead of queueing it until Redis returns,
    // so /health answers 503 promptly; reconnection itself goes on in the background.
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 500, 5000),
  });
  let lastError: string | undefined;
  redis.on('error', (error: Error) => {
    if (error.message !== lastError) logger.warn(`Redis unavailable: ${error.message}`);
    lastError = error.message;
  });
  redis.on('ready', () => {
    if (lastError !== undefined) logger.log('Redis reachable again');
    lastError = undefined;
  });
  return redis;
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/** The scheduler's Redis connection (REDIS_URL) and its health indicator. */
@Module({
  imports: [TerminusModule],
  providers: [
    { provide: REDIS, useFactory: connectRedis, inject: [AppConfig] },
    RedisCloser,
    RedisHealthIndicator,
  ],
  exports: [REDIS, RedisHealthIndicator],
})
export class RedisModule {}
