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
   * `batched`: consecutive events of one stream go in one append, and a run of different suppliers'
   * bid streams is appended by up to 8 writers at once, as concurrent bidders would be (a big history
   * loads in a fraction of the time; the tender and evaluator streams keep their decided order).
   */
  async append(scenario: Scenario, { batched = false } = {}): Promise<AppendResult> {
    const entries = scenario.entries();
    let i = this.appended.get(scenario) ?? 0;
    while (i < entries.length) {
      const groups: ScenarioEntry[][] = [];
      const bidRun = new Set<string>();
      let end = i;
      do {
        let groupEnd = end + 1;
        while (
          batched &&
          groupEnd < entries.length &&
          entries[groupEnd].streamName === entries[end].streamName
        ) {
          groupEnd += 1;
        }
        groups.push(entries.slice(end, groupEnd));
        bidRun.add(entries[end].streamName);
        end = groupEnd;
      } while (
        batched &&
        groups.length < 8 &&
        entries[i].kind === 'bid' &&
        end < entries.length &&
        entries[end].kind === 'bid' &&
        !bidRun.has(entries[end].streamName)
      );
      const results = await Promise.all(groups.map((group) => this.appendGroup(scenario, group)));
      this.last = results.reduce((latest, result) =>
        comparePositions(result.position, latest.position) > 0 ? result : latest,
      );
      i = end;
      this.appended.set(scenario, i);
    }
    if (!this.last) throw new Error('The scenario has no events to append');
    await this.visibleInGlobalOrder(this.last);
    return this.last;
  }

  private async appendGroup(scenario: Scenario, group: ScenarioEntry[]): Promise<AppendResult> {
    const batch = [];
    for (const entry of group) batch.push(await this.anchored(scenario, entry));
    const events = batch.map((entry) => toAppend(entry, this.options.versionOf));
    const streamName = group[0].streamName;
    const result = await this.store.append(streamName, events, 'any');
    for (const event of events) {
      this.appendedEvents.push({ eventId: event.eventId, type: event.type, streamName });
    }
    return result;
  }

  /**
   * Waits until a read in global order shows the last event: PostgreSQL holds back a commit while
   * an older transaction anywhere in the cluster is open (docs/decisions/0001-global-order-by-transaction-id.md), and a test that reads the
   * tender's log next (legal replay, verification) must see all of it, as a real one would later.
   */
  private async visibleInGlobalOrder(last: AppendResult): Promise<void> {
    const before = { commit: last.position.commit, prepare: last.position.prepare - 1n };
    for (let attempt = 0; attempt < 500; attempt++) {
      const [next] = await this.store.readAll({
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
