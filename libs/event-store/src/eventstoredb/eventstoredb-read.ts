import type { StreamingRead } from '@eventstore/db-client';

/**
 * Iterates a streaming read. Leaving early (break, return or an error) cancels the gRPC call, which
 * merely destroying the Node stream would leave running on the server.
 */
export async function* drain<E>(read: StreamingRead<E>): AsyncGenerator<E> {
  let complete = false;
  try {
    for await (const item of read) yield item;
    complete = true;
  } finally {
    // Late errors from a read we no longer follow must not become unhandled 'error' events.
    read.on('error', () => undefined);
    if (!complete) void read.cancel().catch(() => undefined);
  }
}

export async function collect<E>(read: StreamingRead<E>): Promise<E[]> {
  const items: E[] = [];
  for await (const item of drain(read)) items.push(item);
  return items;
}
