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

/** A decider as the runner sees it: the domain's deciders, with `decide` bound to its command. */
export interface CommandDecider<State, Event extends UnstoredEvent> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  /** Decides on the folded state; may read other streams. Throwing refuses the command. */
  decide: (state: State, history: readonly RecordedEvent[]) => Event[] | Promise<Event[]>;
}

export interface CommandHandling<State, Event extends UnstoredEvent> {
  streamName: string;
  decider: CommandDecider<State, Event>;
  /** Turns a stored event into the domain's (upcasting old versions). */
  fromRecorded: (recorded: RecordedEvent) => Event;
  /**
   * The events a refusal must leave on record (a late bid): appended to the stream before the error
   * reaches the caller, with ids derived apart from the accepted command's.
   */
  refusalRecord?: (error: unknown) => readonly Event[];
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
  try {
    return await decideAndAppend(store, handling);
  } catch (error) {
    const record = handling.refusalRecord?.(error) ?? [];
    if (record.length > 0)
      await store.append(handling.streamName, toAppend(handling, record, ':refused'), 'any');
    throw error;
  }
}

async function decideAndAppend<State, Event extends UnstoredEvent>(
  store: EventStore,
  handling: CommandHandling<State, Event>,
): Promise<CommandOutcome<State, Event>> {
  const { decider } = handling;
  if (handling.optimisticNewStream) {
    const outcome = await tryAsNewStream(store, handling);
    if (outcome) return outcome;
  }
  const maxAttempts = handling.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt += 1) {
    const history = await store.readStream(handling.streamName);
    let state = decider.initialState();
    for (const recorded of history) state = decider.evolve(state, handling.fromRecorded(recorded));
    const events = await decider.decide(state, history);
    if (events.length === 0) return { events, state, history };
    const expected = history.length === 0 ? 'no_stream' : history[history.length - 1].revision;
    try {
      const appended = await store.append(
        handling.streamName,
        toAppend(handling, events),
        expected,
      );
      for (const event of events) state = decider.evolve(state, event);
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
  const { decider } = handling;
  let state = decider.initialState();
  try {
    const events = await decider.decide(state, []);
    if (events.length === 0) return undefined;
    const appended = await store.append(
      handling.streamName,
      toAppend(handling, events),
      'no_stream',
    );
    for (const event of events) state = decider.evolve(state, event);
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
  events: readonly Event[],
  idSuffix = '',
): EventToAppend[] {
  return events.map((event, index) => ({
    eventId: derivedEventId(`${handling.commandId}${idSuffix}`, index),
    type: event.type,
    version: handling.versionOf(event.type),
    data: event.data,
    metadata: handling.metadata,
  }));
}
