import { chainHash, contentHash, GENESIS_HASH_HEX } from '@fairtender/crypto';
import {
  comparePositions,
  withOmissions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type Subscription,
} from '@fairtender/event-store';

/** Just enough of an event store, in memory, for specs of replay: reads in global order, appends with 'any'. */
export class MemoryStore implements EventStore {
  readonly events: RecordedEvent[];
  private nextCommit: number;

  constructor(events: readonly RecordedEvent[] = []) {
    this.events = [...events];
    this.nextCommit = Number(this.events.at(-1)?.position.commit ?? 0n) + 1;
  }

  async append(streamName: string, events: readonly EventToAppend[]): Promise<AppendResult> {
    let head = this.events.filter((e) => e.streamName === streamName).at(-1);
    const commit = BigInt(this.nextCommit++);
    for (const [i, event] of events.entries()) {
      const revision = head ? head.revision + 1 : 0;
      const previousHash = head?.hash ?? GENESIS_HASH_HEX;
      const metadata = event.metadata ?? {};
      const content = contentHash({ ...event, streamName, metadata });
      head = {
        ...event,
        metadata,
        streamName,
        revision,
        position: { commit, prepare: BigInt(i + 1) },
        recordedAt: new Date(),
        previousHash,
        hash: chainHash(Buffer.from(previousHash, 'hex'), content, revision).toString('hex'),
      };
      this.events.push(head);
    }
    return { nextRevision: head!.revision, position: head!.position };
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const stream = this.events.filter((e) => e.streamName === streamName);
    const ordered = options.direction === 'backwards' ? stream.reverse() : stream;
    return ordered
      .slice(0, options.maxCount ?? Infinity)
      .map((event) => withOmissions(event, options.omit));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.events
      .filter((e) => !options.after || comparePositions(e.position, options.after) > 0)
      .filter((e) => !options.streamPrefix || e.streamName.startsWith(options.streamPrefix))
      .slice(0, options.maxCount ?? Infinity)
      .map((event) => withOmissions(event, options.omit));
  }

  async readStreamHeads(streamPrefix: string): Promise<RecordedEvent[]> {
    const heads = new Map<string, RecordedEvent>();
    for (const event of this.events)
      if (event.streamName.startsWith(streamPrefix)) heads.set(event.streamName, event);
    return [...heads.values()].sort((a, b) => (a.streamName < b.streamName ? -1 : 1));
  }

  subscribeToAll(): Subscription {
    throw new Error('MemoryStore does not subscribe');
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
