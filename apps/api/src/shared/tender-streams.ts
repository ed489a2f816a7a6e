import { Inject, Injectable } from '@nestjs/common';
import {
  bidStream,
  bidStreamPrefix,
  currentVersion,
  decideBid,
  decideTender,
  evolveBid,
  evolveTender,
  initialBidState,
  initialTenderState,
  isDomainError,
  tenderStream,
  type BidCommand,
  type BidEvent,
  type BidState,
  type BidStreamHead,
  type NoticeCommand,
  type NoticeEvent,
  type TenderState,
} from '@fairtender/domain';
import {
  derivedEventId,
  EVENT_STORE,
  handleCommand,
  type CommandOutcome,
  type EventStore,
  type RecordedEvent,
} from '@fairtender/event-store';
import { eventMetadata, type CommandContext } from './command-context';
import { toDomainEvent } from '@fairtender/tender-views';
import { TenderingCache } from './tendering-cache';

export interface ReadTenderStream {
  state: TenderState;
  history: readonly RecordedEvent[];
}

/** Runs the notice and bidding deciders against their streams. Controllers and handlers stay thin. */
@Injectable()
export class TenderStreams {
  private readonly tendering = new TenderingCache();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The tender for a bid decision: recently read is good enough while tendering (see TenderingCache). */
  async loadTenderForBid(tenderId: string): Promise<ReadTenderStream> {
    const cached = this.tendering.get(tenderId, Date.now());
    if (cached) return cached;
    const tender = await this.loadTender(tenderId);
    this.tendering.remember(tenderId, tender, Date.now());
    return tender;
  }

  async loadTender(tenderId: string): Promise<ReadTenderStream> {
    const history = await this.store.readStream(tenderStream(tenderId));
    let state = initialTenderState();
    for (const recorded of history) state = evolveTender(state, toDomainEvent(recorded));
    return { state, history };
  }

  async loadBid(tenderId: string, supplierId: string): Promise<BidState> {
    const history = await this.store.readStream(bidStream(tenderId, supplierId));
    let state = initialBidState();
    for (const recorded of history) state = evolveBid(state, toDomainEvent(recorded));
    return state;
  }

  executeTender(
    tenderId: string,
    context: CommandContext,
    command: NoticeCommand,
  ): Promise<CommandOutcome<TenderState, NoticeEvent>> {
    this.tendering.forget(tenderId);
    return handleCommand<TenderState, NoticeEvent>(this.store, {
      streamName: tenderStream(tenderId),
      initialState: initialTenderState,
      evolve: evolveTender,
      fromRecorded: toDomainEvent,
      decide: (state) => decideTender(command, state),
      versionOf: currentVersion,
      commandId: context.commandId,
      metadata: eventMetadata(context),
    });
  }

  /**
   * Decides on the supplier's bid stream with the tender as it is now (deadline, stage, notice version).
   * A refusal that must be on record (a late bid) is appended before the error reaches the caller.
   */
  async executeBid(
    tenderId: string,
    context: CommandContext,
    command: BidCommand,
    loadedTender?: ReadTenderStream,
  ): Promise<CommandOutcome<BidState, BidEvent>> {
    const streamName = bidStream(tenderId, context.actor.organisationId);
    const tender = loadedTender ? Promise.resolve(loadedTender) : this.loadTenderForBid(tenderId);
    // Read in parallel with the bid stream; settle here so a failed read is never left unhandled.
    tender.catch(() => undefined);
    try {
      return await handleCommand<BidState, BidEvent>(this.store, {
        streamName,
        initialState: initialBidState,
        evolve: evolveBid,
        fromRecorded: toDomainEvent,
        decide: async (bid) => decideBid(command, { tender: (await tender).state, bid }),
        versionOf: currentVersion,
        commandId: context.commandId,
        metadata: eventMetadata(context),
        optimisticNewStream: command.type === 'SubmitBid',
      });
    } catch (error) {
      if (isDomainError(error) && error.record.length > 0) {
        await this.store.append(
          streamName,
          error.record.map((event, index) => ({
            eventId: refusalEventId(context, index),
            type: event.type,
            version: currentVersion(event.type),
            data: event.data,
            metadata: eventMetadata(context),
          })),
          'any',
        );
      }
      throw error;
    }
  }

  /**
   * The last event of every bid stream of a tender: what opening commits to. Read as committed now,
   * not through the global-order horizon, which another transaction in the cluster can hold back.
   */
  async bidStreamHeads(tenderId: string): Promise<BidStreamHead[]> {
    const prefix = bidStreamPrefix(tenderId);
    return (await this.store.readStreamHeads(prefix))
      .map((head) => ({
        supplierId: head.streamName.slice(prefix.length),
        streamName: head.streamName,
        revision: head.revision,
        hash: head.hash,
      }))
      .sort((a, b) => a.streamName.localeCompare(b.streamName));
  }
}

function refusalEventId(context: CommandContext, index: number): string {
  // Distinct from the ids the accepted command would have used.
  return derivedEventId(`${context.commandId}:refused`, index);
}
