import type { Redis } from 'ioredis';

export interface WatchdogLogger {
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Notices that Redis lost the scheduler's data while the scheduler kept running (a restart without
 * persistence, a FLUSHDB, a failover to an empty replica): a sentinel key is written after every
 * reconciliation, and its disappearance triggers the next one. A Redis that is merely unreachable
 * triggers nothing; it is checked again at the next tick.
 */
export class RedisWatchdog {
  private timer?: NodeJS.Timeout;
  private checking?: Promise<unknown>;
  readonly key: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly intervalMs: number,
    private readonly onLoss: () => Promise<unknown>,
    private readonly logger: WatchdogLogger,
  ) {
    this.key = `${prefix}:fairtender:sentinel`;
  }

  async mark(): Promise<void> {
    await this.redis.set(this.key, new Date().toISOString());
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.checking ??= this.check().finally(() => (this.checking = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.checking;
  }

  /** One check: rebuilds the jobs if the sentinel is gone. */
  async check(): Promise<boolean> {
    let present: number;
    try {
      present = await this.redis.exists(this.key);
    } catch {
      return false;
    }
    if (present) return false;
    this.logger.warn(
      'Redis no longer holds the scheduler sentinel: it lost its data; rebuilding the jobs',
    );
    try {
      await this.onLoss();
      await this.mark();
    } catch (error) {
      this.logger.error(`Rebuilding the jobs failed; will try again: ${(error as Error).message}`);
    }
    return true;
  }
}
