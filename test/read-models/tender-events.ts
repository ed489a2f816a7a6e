import { sampleNoticeTerms } from '@fairtender/domain/testing/sample-notice-terms';
import { scenario, type Scenario } from '@fairtender/domain/testing/scenario';
import type { AmendableTerms, NoticeTerms } from '@fairtender/domain';
import type { AppendResult, EventStore } from '@fairtender/event-store';
import { ScenarioStore } from '../support/scenario-store';

/**
 * Realistic event sequences for the read models: each step runs the real decider through the
 * scenario builder (docs/testing.md#the-scenario-builder) and is appended to the real event store
 * at once, so a test can read the store between steps.
 */
export const BUYER = 'org-council';

export const terms = sampleNoticeTerms;

/** Minutes after 2025-03-03 09:00 UTC, as an ISO string: every fixture time is explicit. */
export const minute = (n: number) => new Date(Date.UTC(2025, 2, 3, 9, n)).toISOString();
export const hash = (seed: string) => seed.repeat(64).slice(0, 64);

type Sealed = { contentHash: string; sizeBytes: number; receivedAt: string; noticeVersion: number };

/** A bid's commitment; `noticeVersion` is the version the bid is made against (the decider checks it). */
export const sealedBid = (
  seed: string,
  at: string,
  noticeVersion = 1,
  sizeBytes = 1024,
): Sealed => ({
  contentHash: hash(seed),
  sizeBytes,
  receivedAt: at,
  noticeVersion,
});

/** One tender's history, appended step by step: `tender-<id>` for the notice, `tender-<id>.bid-<supplier>` per bid. */
export class TenderEvents {
  private history: Scenario;
  private readonly stored: ScenarioStore;

  constructor(
    store: EventStore,
    readonly tenderId: string,
  ) {
    this.history = scenario({ tenderId, buyer: BUYER, terms: terms() });
    this.stored = new ScenarioStore(store);
  }

  /** Receipt-producing events appended so far (BidSubmitted/BidRevised), by event id. */
  get receiptEvents(): string[] {
    return this.stored.appendedEvents
      .filter((event) => event.type === 'BidSubmitted' || event.type === 'BidRevised')
      .map((event) => event.eventId);
  }

  draft(at = minute(0), overrides: Partial<NoticeTerms> = {}) {
    this.history = scenario({ tenderId: this.tenderId, buyer: BUYER, terms: terms(overrides) });
    return this.step((s) => s.draft({ at }));
  }

  publish(at = minute(1)) {
    return this.step((s) =>
      s.publish({ at, sealingKey: { keyId: `dk-${this.tenderId}`, wrappedKey: 'd3JhcA==' } }),
    );
  }

  amend(changes: AmendableTerms, noticeVersion: number, at: string, reason = 'Clarified scope') {
    return this.step((s) => {
      s.amend(changes, { at, reason });
      expectNoticeVersion(s, noticeVersion);
    });
  }

  ask(questionId: string, supplierId: string, at: string) {
    const question = `Does ${questionId} include spare batteries?`;
    return this.step((s) => s.ask(supplierId, { questionId, question, at }));
  }

  answer(questionId: string, at: string) {
    return this.step((s) => s.answer(questionId, { answer: 'Yes, two per camera.', at }));
  }

  close(at: string) {
    return this.step((s) => s.closed({ at }));
  }

  /** `stage`: the stage the fixture expects the tender to be cancelled in (the event records it). */
  /** The first officer confirms the opening at `confirmedAt`, the second opens at `openedAt`. */
  open(confirmedAt: string, openedAt: string) {
    return this.step((s) => s.opened({ firstConfirmedAt: confirmedAt, at: openedAt }));
  }

  cancel(reason: string, at: string, stage = 'tendering') {
    return this.step((s) => {
      if (s.view().tender.stage !== stage) {
        throw new Error(`The fixture cancels in ${stage}; the tender is ${s.view().tender.stage}`);
      }
      s.cancel(reason, { at });
    });
  }

  submitBid(supplierId: string, bid: Sealed) {
    return this.step((s) => s.bid(supplierId, bidOptions(bid)), bid.noticeVersion);
  }

  reviseBid(supplierId: string, bid: Sealed) {
    return this.step((s) => s.revise(supplierId, bidOptions(bid)), bid.noticeVersion);
  }

  withdrawBid(supplierId: string, at: string) {
    return this.step((s) => s.withdraw(supplierId, { at, reason: 'Capacity' }));
  }

  reconfirmBid(supplierId: string, noticeVersion: number, at: string) {
    return this.step((s) => s.reconfirm(supplierId, { at }), noticeVersion);
  }

  refuseLateBid(supplierId: string, at: string) {
    return this.step((s) => s.lateBid(supplierId, { at, contentHash: hash('f') }));
  }

  private async step(run: (s: Scenario) => unknown, noticeVersion?: number): Promise<AppendResult> {
    run(this.history);
    if (noticeVersion !== undefined) expectNoticeVersion(this.history, noticeVersion);
    return this.stored.append(this.history);
  }
}

const bidOptions = (bid: Sealed) => ({
  at: bid.receivedAt,
  contentHash: bid.contentHash,
  sizeBytes: bid.sizeBytes,
});

/** The fixture says which notice version it means; the history must agree. */
function expectNoticeVersion(s: Scenario, noticeVersion: number) {
  const actual = s.view().tender.notice.version;
  if (actual !== noticeVersion) {
    throw new Error(
      `The fixture expects notice version ${noticeVersion}; the history is at ${actual}`,
    );
  }
}
