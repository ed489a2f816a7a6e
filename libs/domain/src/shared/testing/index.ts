/**
 * Given/when/then for deciders, for Jest specs only (it uses Jest's global `expect`):
 *
 *   given(tenderDecider, [drafted]).when(publish).then([published, keyIssued]);
 *   const error = given(bidDecider, history).when(lateSubmit).thenFails('LATE_BID', { receivedAt });
 *   expect(error.record).toEqual([...]);
 *
 * The history and the folded state are deep-frozen, so a decider that mutates them fails the test, and
 * decided events must survive a JSON round trip unchanged (plain data, ISO strings for times).
 */
import { isDomainError, type DomainError } from '../domain-error';
import { fold, type Decider, type DomainEvent } from '../domain-event';
import type { ErrorCode } from '../error-codes';

export interface When<Event> {
  /** Asserts the decided events, exactly. Returns them. */
  then(expected: readonly Event[]): Event[];
  /** Asserts a refusal with this code and, if given, details containing `details`. Returns the error. */
  thenFails(code: ErrorCode, details?: Record<string, unknown>): DomainError;
}

export function given<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  history: readonly Event[] = [],
): { state: () => State; when: (command: Command) => When<Event> } {
  const state = () => deepFreeze(fold(decider.evolve, decider.initialState(), deepFreeze(history)));
  return {
    state,
    when: (command) => ({
      then(expected) {
        const events = decider.decide(command, state());
        expect(events).toStrictEqual(expected);
        expect(JSON.parse(JSON.stringify(events))).toStrictEqual(events);
        return events;
      },
      thenFails(code, details) {
        let events: Event[];
        try {
          events = decider.decide(command, state());
        } catch (error) {
          if (!isDomainError(error)) throw error;
          expect({ code: error.code, message: error.message }).toMatchObject({ code });
          if (details) expect(error.details).toMatchObject(details);
          expect(JSON.parse(JSON.stringify(error.record))).toStrictEqual(error.record);
          return error;
        }
        throw new Error(
          `Expected ${code}, but the command was accepted: ${JSON.stringify(events)}`,
        );
      },
    }),
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
