import {
  decideBid,
  bidStream,
  currentVersion,
  evaluatorStream,
  evolveBid,
  evolveTender,
  evolveTenderView,
  initialBidState,
  isDomainError,
  tenderDecider,
  tenderStream,
  type BidCommand,
  type BidEvent,
  type BidState,
  type NoticeCommand,
  type NoticeEvent,
  type TenderEvent,
  type TenderState,
  type TenderView,
  type TenderViewEvent,
} from '@fairtender/domain';
import {
  derivedEventId,
  handleCommand,
  type CommandDecider,
  type CommandOutcome,
  type EventMetadata,
  type EventStore,
  type UnstoredEvent,
} from '@fairtender/event-store';
import type { FoldedTenderStreams } from './folded-tender-streams';
import { tenderViewAround } from './read-tender';
import { toDomainEvent } from './read-events';

export interface TenderCommandRun {
  /** Event ids derive from it, so a retried command is idempotent. */
  commandId: string;
  metadata: EventMetadata;
  /**
   * The caller's `If-Match`: the stream's revision it last saw (-1 for none). A stream now elsewhere
   * refuses the command with `PreconditionFailedError` rather than deciding on what the caller never saw.
   */
  expectedRevision?: number;
  /**
   * The command id came from the caller's Idempotency-Key: a stream that already holds this command's
   * first event has seen it, and the command answers as it stands without deciding again.
   */
  replayable?: boolean;
}

/** The stream moved on since the revision the caller's `If-Match` names (RFC 9110 §13.1.1). */
export class PreconditionFailedError extends Error {
  readonly code = 'PRECONDITION_FAILED';

  constructor(
    readonly streamName: string,
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(
      `The record changed since you read it (your If-Match names revision ${expectedRevision}, it is now at ${actualRevision}); read it again and retry`,
    );
  }
}

/** Idempotent replay first, then the caller's precondition, then the decision. */
function guarded<State, Event extends UnstoredEvent>(
  commandRun: TenderCommandRun,
  streamName: string,
  decider: CommandDecider<State, Event>,
): CommandDecider<State, Event> {
  if (!commandRun.replayable && commandRun.expectedRevision === undefined) return decider;
  const firstEventId = derivedEventId(commandRun.commandId, 0);
  return {
    ...decider,
    decide: (state, history) => {
      if (commandRun.replayable && history.some((recorded) => recorded.eventId === firstEventId))
        return [];
      const actual = history.length === 0 ? -1 : history[history.length - 1].revision;
      if (commandRun.expectedRevision !== undefined && commandRun.expectedRevision !== actual)
        throw new PreconditionFailedError(streamName, commandRun.expectedRevision, actual);
      return decider.decide(state, history);
    },
  };
}

/** Every run goes through here: upcast on read, current versions on write, refusals on record. */
function run<State, Event extends UnstoredEvent>(
  store: EventStore,
  streamName: string,
  commandRun: TenderCommandRun,
  decider: CommandDecider<State, Event>,
  optimisticNewStream = false,
): Promise<CommandOutcome<State, Event>> {
  return handleCommand<State, Event>(store, {
    streamName,
    decider: guarded(commandRun, streamName, decider),
    fromRecorded: toDomainEvent,
    refusalRecord: (error) => (isDomainError(error) ? (error.record as Event[]) : []),
    versionOf: currentVersion,
    commandId: commandRun.commandId,
    metadata: commandRun.metadata,
    // The shortcut decides on no history, which the guards must see.
    optimisticNewStream: optimisticNewStream && commandRun.expectedRevision === undefined,
  });
}

/** A notice command on the tender stream, decided by the notice decider. */
export function runNoticeCommand(
  store: EventStore,
  tenderId: string,
  commandRun: TenderCommandRun,
  command: NoticeCommand,
): Promise<CommandOutcome<TenderState, NoticeEvent>> {
  return run<TenderState, NoticeEvent>(store, tenderStream(tenderId), commandRun, {
    initialState: tenderDecider.initialState,
    evolve: evolveTender,
    decide: (state) => tenderDecider.decide(command, state),
  });
}

/**
 * A bid command on the supplier's bid stream, decided with the tender as it is now (deadline, stage,
 * notice version). The tender is read in parallel with the bid stream. A refusal that must be on
 * record (a late bid) is appended before the error reaches the caller.
 */
export function runOnBid(
  store: EventStore,
  tenderId: string,
  supplierId: string,
  commandRun: TenderCommandRun,
  command: BidCommand,
  tender: Promise<TenderState>,
): Promise<CommandOutcome<BidState, BidEvent>> {
  // Settle here so a failed read is never left unhandled.
  tender.catch(() => undefined);
  return run<BidState, BidEvent>(
    store,
    bidStream(tenderId, supplierId),
    commandRun,
    {
      initialState: initialBidState,
      evolve: evolveBid,
      decide: async (bid) => decideBid(command, { tender: await tender, bid }),
    },
    command.type === 'SubmitBid',
  );
}

/**
 * Decides on the tender stream with the whole view: the bids and evaluator sheets are read after the
 * tender stream, and the append still expects the tender stream's revision, so a concurrent command
 * on the tender makes this one decide again. `folded` keeps a long-running process from reading whole
 * streams again for every command.
 */
export function runOnTender(
  store: EventStore,
  tenderId: string,
  commandRun: TenderCommandRun,
  decide: (view: TenderView) => TenderViewEvent[],
  folded?: FoldedTenderStreams,
): Promise<CommandOutcome<TenderState, TenderViewEvent>> {
  return run<TenderState, TenderViewEvent>(store, tenderStream(tenderId), commandRun, {
    initialState: tenderDecider.initialState,
    evolve: (state, event) => evolveTender(state, event as TenderEvent),
    decide: async (tender) =>
      decide(
        await (folded
          ? folded.around(tenderId, tender)
          : tenderViewAround(store, tenderId, tender)),
      ),
  });
}

/** Decides on an evaluator's own stream, with the tender, bids and the other sheets as they are now. */
export function runOnEvaluator(
  store: EventStore,
  tenderId: string,
  evaluatorId: string,
  commandRun: TenderCommandRun,
  base: TenderView,
  decide: (view: TenderView) => TenderViewEvent[],
): Promise<CommandOutcome<TenderView, TenderViewEvent>> {
  const { [evaluatorId]: _ownSheet, ...otherSheets } = base.sheets;
  return run<TenderView, TenderViewEvent>(
    store,
    evaluatorStream(tenderId, evaluatorId),
    commandRun,
    { initialState: () => ({ ...base, sheets: otherSheets }), evolve: evolveTenderView, decide },
  );
}
