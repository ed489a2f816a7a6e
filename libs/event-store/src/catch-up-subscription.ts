import type { Position, RecordedEvent, SubscribeOptions, Subscription } from './port';

export interface Page {
  events: RecordedEvent[];
  /** Resolves when more events may be visible (a notification, the poll interval, or abort). */
  waitForMore(signal: AbortSignal): Promise<void>;
}

export interface CatchUpOptions extends SubscribeOptions {
  pageSize: number;
  readPage(after: Position | undefined, maxCount: number): Promise<Page>;
}

/**
 * Pages through the global log from a position, then keeps reading as events arrive. Because reads
 * only ever see the gap-free prefix of the log, "catch-up" and "live" are the same loop.
 */
export class CatchUpSubscription implements Subscription {
  private readonly stop = new AbortController();
  private started = false;

  constructor(private readonly options: CatchUpOptions) {
    options.signal?.addEventListener('abort', () => this.stop.abort(), { once: true });
    if (options.signal?.aborted) this.stop.abort();
  }

  async close(): Promise<void> {
    this.stop.abort();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.started) throw new Error('A subscription can be iterated only once');
    this.started = true;
    return this.events();
  }

  private async *events(): AsyncGenerator<RecordedEvent> {
    const { pageSize, readPage } = this.options;
    let after = this.options.after;
    try {
      while (!this.stop.signal.aborted) {
        const page = await readPage(after, pageSize);
        for (const event of page.events) {
          if (this.stop.signal.aborted) return;
          yield event;
          after = event.position;
        }
        if (page.events.length < pageSize) await page.waitForMore(this.stop.signal);
      }
    } finally {
      this.stop.abort();
    }
  }
}
