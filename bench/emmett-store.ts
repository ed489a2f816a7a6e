/**
 * Emmett's PostgreSQL event store (@event-driven-io/emmett-postgresql, a devDependency of the
 * benchmarks only): the closest TypeScript peer, driven through its public API with the same rows
 * the Fairtender adapter writes, for `bench:store`'s side-by-side rows (issue 19).
 */
import { dumbo } from '@event-driven-io/dumbo';
import {
  getPostgreSQLEventStore,
  readMessagesBatch,
  type PostgresEventStore,
} from '@event-driven-io/emmett-postgresql';
import type { EventToAppend } from '@fairtender/event-store';

export interface EmmettBench {
  store: PostgresEventStore;
  append(stream: string, events: EventToAppend[], i: number): Promise<unknown>;
  /** The whole stream, as `readStream` returns it; resolves to how many events it read. */
  readStream(stream: string): Promise<number>;
  /** Pages of `pageSize` from the start of the log, as Emmett's consumers pull them. */
  readLog(pages: number, pageSize: number): Promise<number>;
  /** Emmett's catch-up consumer (a reactor) from the start of the log, calling `seen` per message. */
  subscribe(seen: (messageId: string, streamName: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const toEmmett = (events: EventToAppend[]) =>
  events.map((e) => ({
    type: e.type,
    data: e.data as Record<string, unknown>,
    metadata: { ...e.metadata, messageId: e.eventId },
  }));

export async function emmettBench(connectionString: string): Promise<EmmettBench> {
  const store = getPostgreSQLEventStore(connectionString, {
    connectionOptions: { connectionString },
  });
  await store.schema.migrate();
  const pool = dumbo({ connectionString });
  return {
    store,
    // Each writer owns its stream, so the expected version is the count written before this append.
    append: (stream, events, i) =>
      store.appendToStream(stream, toEmmett(events), {
        expectedStreamVersion: BigInt(i * events.length),
      }),
    readStream: async (stream) => (await store.readStream(stream)).events.length,
    readLog: async (pages, pageSize) => {
      let after = 0n;
      let count = 0;
      for (let page = 0; page < pages; page += 1) {
        const batch = await readMessagesBatch(pool.execute, { after, batchSize: pageSize });
        count += batch.messages.length;
        if (batch.messages.length === 0) break;
        after = batch.currentGlobalPosition;
      }
      return count;
    },
    subscribe: async (seen) => {
      const consumer = store.consumer({ pulling: { batchSize: 100, pullingFrequencyInMs: 10 } });
      consumer.reactor({
        processorId: `bench-${Date.now()}`,
        startFrom: 'BEGINNING',
        eachMessage: async (message) => {
          seen(String(message.metadata.messageId), String(message.metadata.streamName));
        },
      });
      const running = consumer.start();
      return async () => {
        await consumer.stop();
        await running.catch(() => undefined);
        await consumer.close();
      };
    },
    close: async () => {
      await pool.close();
      await store.close();
    },
  };
}
