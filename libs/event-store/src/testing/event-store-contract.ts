import type { EventStore } from '../port';

/** A store to test. Streams are named under a fresh prefix per test, so the store need not be empty. */
export interface ContractSubject {
  store: EventStore;
  /** Closes the store and drops anything created for the test run. */
  cleanup(): Promise<void>;
}

export interface ContractOptions {
  /** When set, the whole suite is reported as skipped with this reason (never silently passed). */
  skipReason?: string;
}

/** The one suite every adapter must pass (issue #2 §4). */
export function describeEventStoreContract(
  adapterName: string,
  open: () => Promise<ContractSubject>,
  options: ContractOptions = {},
): void {
  // Filled in by the contract suite author; the signature is fixed.
  void adapterName;
  void open;
  void options;
}
