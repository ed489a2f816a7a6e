import type { ReleaseTag } from './ocds-types';
import type { PublicationState } from './publication-state';

/** The event as a handler sees it: its id becomes the key of the release it makes. */
export interface HandledEvent {
  eventId: string;
}

/** What one event does: the next state, and the release tag and date when it publishes something. */
export interface Outcome {
  state: PublicationState;
  publish?: { tag: ReleaseTag; at: string };
}

export type Handler<Data> = (state: PublicationState, data: Data, event: HandledEvent) => Outcome;

export const unchanged = (state: PublicationState): Outcome => ({ state });
