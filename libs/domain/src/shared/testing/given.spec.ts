import { DomainError } from '../domain-error';
import type { Decider, DomainEvent } from '../domain-event';
import { given } from '.';

type Added = DomainEvent<'Added', { amount: number }>;
type Add = { amount: number };
interface Total {
  total: number;
  history: number[];
}

/** A toy decider: adds positive amounts up to 10; a refusal of more records an attempt. */
const counter: Decider<Add, Added, Total> = {
  initialState: () => ({ total: 0, history: [] }),
  evolve: (state, event) => ({
    total: state.total + event.data.amount,
    history: [...state.history, event.data.amount],
  }),
  decide: ({ amount }, state) => {
    if (amount <= 0) throw new RangeError('not a domain error');
    if (state.total + amount > 10) {
      const attempt: DomainEvent = { type: 'AddRefused', data: { amount } };
      throw new DomainError('ILLEGAL_STAGE', 'Full', { total: state.total }, [attempt]);
    }
    return [{ type: 'Added', data: { amount } }];
  },
};
const added = (amount: number): Added => ({ type: 'Added', data: { amount } });

describe('given/when/then', () => {
  it('passes when the decided events match exactly', () => {
    expect(
      given(counter, [added(4)])
        .when({ amount: 3 })
        .then([added(3)]),
    ).toEqual([added(3)]);
  });

  it('fails when the events differ', () => {
    expect(() =>
      given(counter, [])
        .when({ amount: 3 })
        .then([added(4)]),
    ).toThrow();
    expect(() => given(counter, []).when({ amount: 3 }).then([])).toThrow();
  });

  it('returns the refusal, with the events it asks to record', () => {
    const error = given(counter, [added(8)])
      .when({ amount: 3 })
      .thenFails('ILLEGAL_STAGE', { total: 8 });
    expect(error.record).toEqual([{ type: 'AddRefused', data: { amount: 3 } }]);
  });

  it('fails when the command is accepted, or refused with another code or other details', () => {
    expect(() => given(counter, []).when({ amount: 3 }).thenFails('ILLEGAL_STAGE')).toThrow(
      'Expected ILLEGAL_STAGE, but the command was accepted',
    );
    expect(() =>
      given(counter, [added(8)])
        .when({ amount: 3 })
        .thenFails('LATE_BID'),
    ).toThrow();
    expect(() =>
      given(counter, [added(8)])
        .when({ amount: 3 })
        .thenFails('ILLEGAL_STAGE', { total: 7 }),
    ).toThrow();
  });

  it('lets errors that are not domain errors through', () => {
    expect(() => given(counter, []).when({ amount: 0 }).thenFails('ILLEGAL_STAGE')).toThrow(
      RangeError,
    );
  });

  it('catches a decider that mutates its state', () => {
    const mutating: Decider<Add, Added, Total> = {
      ...counter,
      decide: (command, state) => {
        state.history.push(command.amount);
        return [];
      },
    };
    expect(() =>
      given(mutating, [added(1)])
        .when({ amount: 1 })
        .then([]),
    ).toThrow(TypeError);
  });

  it('catches events that are not plain JSON', () => {
    const dated: Decider<Add, DomainEvent, Total> = {
      ...counter,
      evolve: (state) => state,
      decide: () => [{ type: 'Added', data: { at: new Date(0) } }],
    };
    const expected = [{ type: 'Added', data: { at: new Date(0) } }];
    expect(() => given(dated, []).when({ amount: 1 }).then(expected)).toThrow();
  });
});
