import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import type { Position, RecordedEvent, Subscription } from '../port';
import { comparePositions } from '../position';

/** Events buffered before the gRPC stream is paused (the server then stops sending). */
const HIGH_WATER = 512;
const LOW_WATER = 128;

export interface EventStoreDbSubscriptionOptions {
  /** Opens the server subscription; called on the first iteration, not before. */
  open(): AllStreamSubscription;
  /** Maps a received event; undefined skips it. */
  map(resolved: AllStreamResolvedEvent): RecordedEvent | undefined;
  after?: Position;
  signal?: AbortSignal;
  onClosed?(): void;
}

/**
 * Adapts the client's catch-up subscription (a Node stream) to our Subscription. It is driven by
 * events rather than by the stream's own async iterator so that close() and abort can end an
 * iteration that is waiting for the next live event.
 */
export class EventStoreDbSubscription implements Subscription {
  private readonly stop = new AbortController();
  private source?: AllStreamSubscription;
  private started = false;
  private closing?: Promise<void>;

  constructor(private readonly options: EventStoreDbSubscriptionOptions) {
    options.signal?.addEventListener('abort', () => void this.close(), { once: true });
    if (options.signal?.aborted) void this.close();
  }

  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.started) throw new Error('A subscription can be iterated only once');
    this.started = true;
    return this.events();
  }

  private async shutdown(): Promise<void> {
    this.stop.abort();
    const source = this.source;
    if (source) {
      await source.unsubscribe().catch(() => undefined);
      source.destroy();
    }
    this.options.onClosed?.();
  }

  private async *events(): AsyncGenerator<RecordedEvent> {
    if (this.stop.signal.aborted) return;
    const source = this.options.open();
    this.source = source;
    const queue: AllStreamResolvedEvent[] = [];
    let failure: Error | undefined;
    let ended = false;
    let wake: (() => void) | undefined;
    const notify = () => {
      const resume = wake;
      wake = undefined;
      resume?.();
    };
    source.on('data', (resolved: AllStreamResolvedEvent) => {
      queue.push(resolved);
      if (queue.length >= HIGH_WATER) source.pause();
      notify();
    });
    // Kept for the life of the source: an 'error' without a listener would crash the process.
    source.on('error', (error: Error) => {
      failure ??= error;
      notify();
    });
    source.on('end', () => {
      ended = true;
      notify();
    });
    this.stop.signal.addEventListener('abort', notify, { once: true });

    let after = this.options.after;
    try {
      while (!this.stop.signal.aborted) {
        const resolved = queue.shift();
        if (resolved === undefined) {
          if (failure) throw failure;
          if (ended) throw new Error('EventStoreDB ended the subscription');
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          continue;
        }
        if (queue.length <= LOW_WATER && source.isPaused()) source.resume();
        const event = this.options.map(resolved);
        // Skips anything at or before the last position delivered, should the server resend it.
        if (!event || (after && comparePositions(event.position, after) <= 0)) continue;
        after = event.position;
        yield event;
      }
    } finally {
      await this.close();
    }
  }
}
