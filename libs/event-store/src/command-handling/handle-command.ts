import { EventIdConflictError, EventStoreError, WrongExpectedVersionError } from '../errors';
import { derivedEventId } from './derived-event-id';
import type {
  AppendResult,
  EventMetadata,
  EventStore,
  EventToAppend,
  RecordedEvent,
} from '../port';

/** A domain event before it is stored: the domain knows types and data, not ids or versions. */
export interface UnstoredEvent {
  type: string;
  data: unknown;
}

export interface CommandHandling<State, Event extends UnstoredEvent> {
  streamName: string;
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  /** Turns a stored event into the domain's (upcasting old versions). */
  fromRecorded: (recorded: RecordedEvent) => Event;
  /** Decides on the folded state; may read other streams. Throwing refuses the command. */
  decide: (state: State, history: readonly RecordedEvent[]) => Event[] | Promise<Event[]>;
  /** Current schema version of an event type. */
  versionOf: (type: string) => number;
  /** Event ids derive from it, so a retried command is idempotent. */
  commandId: string;
  metadata: EventMetadata;
  /** Attempts when another writer got to the stream first (default 5). */
  maxAttempts?: number;
  /**
   * The stream is probably new (a first bid): decide on the initial state and append expecting no
   * stream, saving the read. Only a successful append is trusted; anything else falls back to the
   * normal read-fold-decide path, so the outcome is the same as without the shortcut.
   */
  optimisticNewStream?: boolean;
}

export interface CommandOutcome<State, Event> {
  /** The events this command appended (empty when it changed nothing). */
  events: Event[];
  /** State after the command. */
  state: State;
  /** Undefined when nothing was appended. */
  appended?: AppendResult;
  /** The stream as it was read for the decision. */
  history: readonly RecordedEvent[];
}

/** Read → fold → decide → append with the expected revision; on a concurrent write, start again. */
export async function handleCommand<State, Event extends UnstoredEvent>(
  store: EventStore,
  handling: CommandHandling<State, Event>,
): Promise<CommandOutcome<State, Event>> {
  if (handling.optimisticNewStream) {
    const outcome = await tryAsNewStream(store, handling);
    if (outcome) return outcome;
  }
  const maxAttempts = handling.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt += 1) {
    const history = await store.readStream(handling.streamName);
    let state = handling.initialState();
    for (const recorded of history) state = handling.evolve(state, handling.fromRecorded(recorded));
    const events = await handling.decide(state, history);
    if (events.length === 0) return { events, state, history };
    const expected = history.length === 0 ? 'no_stream' : history[history.length - 1].revision;
    try {
      const appended = await store.append(
        handling.streamName,
        toAppend(handling, events),
        expected,
      );
      for (const event of events) state = handling.evolve(state, event);
      return { events, state, appended, history };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= maxAttempts) throw error;
    }
  }
}

async function tryAsNewStream<State, Event extends UnstoredEvent>(
  store: EventStore,
  handling: CommandHandling<State, Event>,
): Promise<CommandOutcome<State, Event> | undefined> {
  let state = handling.initialState();
  try {
    const events = await handling.decide(state, []);
    if (events.length === 0) return undefined;
    const appended = await store.append(
      handling.streamName,
      toAppend(handling, events),
      'no_stream',
    );
    for (const event of events) state = handling.evolve(state, event);
    return { events, state, appended, history: [] };
  } catch (error) {
    // The stream exists (or the decision needed it): decide again on what is really there.
    if (
      error instanceof EventStoreError &&
      !(error instanceof WrongExpectedVersionError || error instanceof EventIdConflictError)
    )
      throw error;
    return undefined;
  }
}

function toAppend<State, Event extends UnstoredEvent>(
  handling: CommandHandling<State, Event>,
  events: Event[],
): EventToAppend[] {
  return events.map((event, index) => ({
    eventId: derivedEventId(handling.commandId, index),
    type: event.type,
    version: handling.versionOf(event.type),
    data: event.data,
    metadata: handling.metadata,
  }));
}
