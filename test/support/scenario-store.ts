import { randomUUID } from 'node:crypto';
import { bidStream, currentVersion, type BidsOpened } from '@fairtender/domain';
import type { Scenario, ScenarioEntry } from '@fairtender/domain/testing/scenario';
import type { AppendResult, EventStore, EventToAppend } from '@fairtender/event-store';

/** A scenario's entry as the command runner would append it: a fresh id, the current version, the actor. */
export function toAppend(entry: ScenarioEntry): EventToAppend {
  return {
    eventId: randomUUID(),
    type: entry.event.type,
    version: currentVersion(entry.event.type),
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

  constructor(private readonly store: EventStore) {}

  async append(scenario: Scenario): Promise<AppendResult> {
    const entries = scenario.entries();
    for (let i = this.appended.get(scenario) ?? 0; i < entries.length; i++) {
      const entry = await this.anchored(scenario, entries[i]);
      const event = toAppend(entry);
      this.last = await this.store.append(entry.streamName, [event], 'any');
      this.appendedEvents.push({
        eventId: event.eventId,
        type: event.type,
        streamName: entry.streamName,
      });
      this.appended.set(scenario, i + 1);
    }
    if (!this.last) throw new Error('The scenario has no events to append');
    return this.last;
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
