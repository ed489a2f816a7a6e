/** A past-tense fact as the domain sees it: a type and plain JSON data. Versions live in `event-schemas.ts`. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/** Who did it, for deciders that need it (two different officers); the store keeps it in metadata too. */
export interface Decider<Command, Event extends DomainEvent, State> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
}

/** Folds events into state: what every handler and every replay does. */
export function fold<Event extends DomainEvent, State>(
  evolve: (state: State, event: Event) => State,
  initial: State,
  events: readonly Event[],
): State {
  let state = initial;
  for (const event of events) state = evolve(state, event);
  return state;
}
