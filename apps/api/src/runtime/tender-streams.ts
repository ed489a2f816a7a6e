import { Inject, Injectable } from '@nestjs/common';
import {
  bidStream,
  bidStreamPrefix,
  evolveBid,
  initialBidState,
  type BidCommand,
  type BidEvent,
  type BidState,
  type BidStreamHead,
  type NoticeCommand,
  type NoticeEvent,
  type TenderState,
} from '@fairtender/domain';
import { EVENT_STORE, type CommandOutcome, type EventStore } from '@fairtender/event-store';
import { commandRun, type CommandContext } from './command-context';
import {
  readTenderStream,
  runNoticeCommand,
  runOnBid,
  toDomainEvent,
  type ReadTenderStream,
} from '@fairtender/tender-streams';
import { TenderingCache } from './tendering-cache';

/** Runs the notice and bidding deciders against their streams. Controllers and handlers stay thin. */
@Injectable()
export class TenderStreams {
  private readonly tendering = new TenderingCache();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The tender for a bid decision: recently read is good enough while tendering (see TenderingCache). */
  loadTenderForBid(tenderId: string): Promise<ReadTenderStream> {
    return this.tendering.load(tenderId, Date.now, () => this.loadTender(tenderId));
  }

  loadTender(tenderId: string): Promise<ReadTenderStream> {
    return readTenderStream(this.store, tenderId);
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
    return runNoticeCommand(this.store, tenderId, commandRun(context), command);
  }

  /** Decides on the supplier's bid stream with the tender as it is now; see `runOnBid`. */
  executeBid(
    tenderId: string,
    context: CommandContext,
    command: BidCommand,
    loadedTender?: ReadTenderStream,
  ): Promise<CommandOutcome<BidState, BidEvent>> {
    const tender = loadedTender ? Promise.resolve(loadedTender) : this.loadTenderForBid(tenderId);
    const supplierId = context.actor.organisationId;
    const state = tender.then((read) => read.state);
    return runOnBid(this.store, tenderId, supplierId, commandRun(context), command, state);
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
