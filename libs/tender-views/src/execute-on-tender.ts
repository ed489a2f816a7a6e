import {
  currentVersion,
  evolveTender,
  initialTenderState,
  tenderStream,
  type TenderEvent,
  type TenderState,
  type TenderView,
  type TenderViewEvent,
} from '@fairtender/domain';
import {
  handleCommand,
  type CommandOutcome,
  type EventMetadata,
  type EventStore,
} from '@fairtender/event-store';
import type { FoldedTenderStreams } from './folded-tender-streams';
import { tenderViewAround } from './load-tender-view';
import { toDomainEvent } from './recorded-events';

export interface TenderCommandRun {
  /** Event ids derive from it, so a retried command is idempotent. */
  commandId: string;
  metadata: EventMetadata;
}

/**
 * Decides on the tender stream with the whole view: the bids and evaluator sheets are read after the
 * tender stream, and the append still expects the tender stream's revision, so a concurrent command
 * on the tender makes this one decide again. `folded` keeps a long-running process from reading whole
 * streams again for every command.
 */
export function executeOnTender(
  store: EventStore,
  tenderId: string,
  run: TenderCommandRun,
  decide: (view: TenderView) => TenderViewEvent[],
  folded?: FoldedTenderStreams,
): Promise<CommandOutcome<TenderState, TenderViewEvent>> {
  return handleCommand<TenderState, TenderViewEvent>(store, {
    streamName: tenderStream(tenderId),
    initialState: initialTenderState,
    evolve: (state, event) => evolveTender(state, event as TenderEvent),
    fromRecorded: toDomainEvent,
    decide: async (tender) =>
      decide(
        await (folded
          ? folded.around(tenderId, tender)
          : tenderViewAround(store, tenderId, tender)),
      ),
    versionOf: currentVersion,
    commandId: run.commandId,
    metadata: run.metadata,
  });
}
