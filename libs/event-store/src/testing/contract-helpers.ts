import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventToAppend, RecordedEvent, Subscription } from '../port';

export function uniquePrefix(): string {
  return `contract-${randomUUID().slice(0, 8)}`;
}

export function event(overrides: { data?: unknown; metadata?: EventMetadata } = {}): EventToAppend {
  return {
    eventId: randomUUID(),
    type: 'ThingHappened',
    version: 1,
    data: 'data' in overrides ? overrides.data : { at: randomUUID() },
    metadata: overrides.metadata,
  };
}

export function events(
  count: number,
  overrides: { data?: unknown; metadata?: EventMetadata } = {},
): EventToAppend[] {
  return Array.from({ length: count }, () => event(overrides));
}

/** Reads `count` events from a subscription, then closes it; fails after `timeoutMs`. */
export async function collect(
  subscription: Subscription,
  count: number,
  timeoutMs = 60_000,
): Promise<RecordedEvent[]> {
  const received: RecordedEvent[] = [];
  const timer = setTimeout(() => void subscription.close(), timeoutMs);
  try {
    for await (const e of subscription) {
      received.push(e);
      if (received.length >= count) break;
    }
  } finally {
    clearTimeout(timer);
    await subscription.close();
  }
  if (received.length < count)
    throw new Error(
      `subscription delivered ${received.length} of ${count} events in ${timeoutMs} ms`,
    );
  return received;
}
