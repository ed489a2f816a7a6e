import { randomUUID } from 'node:crypto';
import { bidStream, currentVersion, type BidsOpened } from '@fairtender/domain';
import type { Scenario, ScenarioEntry } from '@fairtender/domain/testing/scenario';
import {
  comparePositions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
} from '@fairtender/event-store';

/** A scenario's entry as the command runner would append it: a fresh id, the current version, the actor. */
export function toAppend(entry: ScenarioEntry, versionOf = currentVersion): EventToAppend {
  return {
    eventId: randomUUID(),
    type: entry.event.type,
    version: versionOf(entry.event.type),
    data: entry.event.data,
    metadata: { actor: entry.actor, correlationId: randomUUID() },
  };
}

/**
 * Appends a scenario's history to an event store, one event at a time in the order it was decided
 * (docs/testing.md#the-scenario-builder). Call it again after more steps: it appends only the entries
 * it has not appended yet. The opening anchors each bid stream's head as the store chained it (the
 * scenario, being pure, can only know its revision).
 */
export class ScenarioStore {
  private readonly appended = new WeakMap<Scenario, number>();
  last: AppendResult | undefined;
  /** Every event appended, in order, with the id the store holds it under. */
  readonly appendedEvents: { eventId: string; type: string; streamName: string }[] = [];

  /** `versionOf`: the schema version to store each type under (a bench of old-version history). */
  constructor(
    private readonly store: EventStore,
    private readonly options: { versionOf?: (type: string) => number } = {},
  ) {}

  /**
   * `batched`: consecutive events of one stream go in one append (a big history loads in a few
   * transactions instead of one per event; the global order is the same).
   */
  async append(scenario: Scenario, { batched = false } = {}): Promise<AppendResult> {
    const entries = scenario.entries();
    let i = this.appended.get(scenario) ?? 0;
    while (i < entries.length) {
      let end = i + 1;
      while (batched && end < entries.length && entries[end].streamName === entries[i].streamName) {
        end += 1;
      }
      const batch = [];
      for (const entry of entries.slice(i, end)) batch.push(await this.anchored(scenario, entry));
      const events = batch.map((entry) => toAppend(entry, this.options.versionOf));
      this.last = await this.store.append(entries[i].streamName, events, 'any');
      for (const event of events) {
        this.appendedEvents.push({
          eventId: event.eventId,
          type: event.type,
          streamName: entries[i].streamName,
        });
      }
      i = end;
      this.appended.set(scenario, i);
    }
    if (!this.last) throw new Error('The scenario has no events to append');
    await this.visibleInGlobalOrder(entries[entries.length - 1].streamName, this.last);
    return this.last;
  }

  /**
   * Waits until a read in global order shows the last event: PostgreSQL holds back a commit while
   * an older transaction anywhere in the cluster is open (docs/decisions/0001-global-order-by-transaction-id.md), and a test that reads the
   * tender's log next (legal replay, verification) must see all of it, as a real one would later.
   */
  private async visibleInGlobalOrder(streamName: string, last: AppendResult): Promise<void> {
    const before = { commit: last.position.commit, prepare: last.position.prepare - 1n };
    for (let attempt = 0; attempt < 500; attempt++) {
      const [next] = await this.store.readAll({
        streamPrefix: streamName,
        after: before,
        maxCount: 1,
      });
      if (next && comparePositions(next.position, last.position) >= 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`The appended history is still not visible in global order after 10 s`);
  }

  private async anchored(scenario: Scenario, entry: ScenarioEntry): Promise<ScenarioEntry> {
    if (entry.event.type !== 'BidsOpened') return entry;
    const opened = entry.event as BidsOpened;
    const bidStreams = [];
    for (const { supplierId } of opened.data.bidStreams) {
      const [head] = await this.store.readStream(bidStream(scenario.tenderId, supplierId), {
        direction: 'backwards',
        maxCount: 1,
      });
      bidStreams.push({
        supplierId,
        streamName: head.streamName,
        revision: head.revision,
        hash: head.hash,
      });
    }
    return { ...entry, event: { ...opened, data: { ...opened.data, bidStreams } } };
  }
}
