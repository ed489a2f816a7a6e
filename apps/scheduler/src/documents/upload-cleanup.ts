import { InjectQueue } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '@fairtender/config';
import { DOCUMENT_STORE, type DocumentStore } from '@fairtender/documents';
import { Worker, type Queue } from 'bullmq';
import { DOCUMENT_CLEANUP_QUEUE } from '../queues/queue-names';
import { removeAbandonedUploads } from './abandoned-uploads';

/** One scheduler for every process: BullMQ keeps a single repeatable job per id. */
export const CLEANUP_SCHEDULER_ID = 'abandoned-uploads';

/**
 * A BullMQ repeatable job that removes abandoned uploads, every hour or every tenth of the expiry,
 * whichever is sooner. Its worker is made and closed here, like the scheduler's others.
 */
@Injectable()
export class UploadCleanup implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('UploadCleanup');
  private worker?: Worker;

  constructor(
    @InjectQueue(DOCUMENT_CLEANUP_QUEUE) private readonly queue: Queue,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    private readonly config: AppConfig,
  ) {
    // Heard from the start: an unheard connection error would crash the process.
    this.queue.on('error', (error) => this.logger.warn(`cleanup queue: ${error.message}`));
  }

  get everyMs(): number {
    return Math.min(3_600_000, Math.ceil(this.config.documents.uploadExpiryMs / 10));
  }

  onApplicationBootstrap(): void {
    this.worker = new Worker(DOCUMENT_CLEANUP_QUEUE, () => this.run(), {
      connection: { url: this.config.redisUrl },
      prefix: this.config.scheduler.queuePrefix,
      concurrency: 1,
    });
    this.worker.on('error', (error) => this.logger.warn(`cleanup worker: ${error.message}`));
    // Redis may be down at start: the scheduler is upserted again at the next start.
    void this.queue
      .upsertJobScheduler(
        CLEANUP_SCHEDULER_ID,
        { every: this.everyMs },
        { name: 'remove-abandoned-uploads', opts: { removeOnComplete: 100, removeOnFail: 100 } },
      )
      .catch((error: Error) => this.logger.warn(`cleanup not scheduled: ${error.message}`));
  }

  async run(now = new Date()): Promise<number> {
    const removed = await removeAbandonedUploads(
      this.store,
      now,
      this.config.documents.uploadExpiryMs,
    );
    if (removed > 0) this.logger.log(`removed ${removed} abandoned uploads`);
    return removed;
  }

  /** Forced: a graceful close waits for Redis for ever when it is down, and the job is idempotent. */
  async onModuleDestroy(): Promise<void> {
    await this.worker?.close(true);
  }
}
