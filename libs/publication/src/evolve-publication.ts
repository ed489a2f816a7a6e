import type {
  BidRevised,
  BidsOpened,
  BidSubmitted,
  BidWithdrawn,
  ClarificationAnswered,
  ClarificationRequested,
  NoticeAmended,
  NoticeTerms,
  ProcurementOpened,
  TenderCancelled,
  TenderDrafted,
  TenderingClosed,
  TenderPublished,
} from '@fairtender/domain';
import { buildRelease } from './build-release';
import { describeAmendment } from './describe-amendment';
import { AWARD_HANDLERS } from './award-handlers';
import { isPublic, PLANNING_HANDLERS } from './planning-handlers';
import type { ReleaseBody } from './ocds-types';
import { unchanged, type Handler, type Outcome } from './outcome';
import { initialPublicationState, type PublicationState } from './publication-state';

/** An event of one of a tender's streams, upcast, as publication reads it. */
export interface PublicationEvent {
  type: string;
  data: unknown;
  /** The event's id: the key of the release it makes, stable across rebuilds. */
  eventId: string;
  /** 'tender', 'bid', or another stream of the tender (refusals, audit, evaluators), ignored here. */
  streamKind: string;
}

export interface PublicationStep {
  /** Undefined until the tender is drafted; the same object when the event changed nothing. */
  state: PublicationState | undefined;
  /** The release this event publishes, if any. */
  release?: ReleaseBody;
}

const TENDER_HANDLERS: Record<string, Handler<never>> = {
  TenderPublished: ((state, data: TenderPublished['data']) => ({
    state: {
      ...state,
      terms: data.terms,
      publishedAt: data.publishedAt,
      tenderingPeriod: data.tenderingPeriod ?? null,
    },
    publish: { tag: 'tender', at: data.publishedAt },
  })) satisfies Handler<TenderPublished['data']>,

  NoticeAmended: ((state, data: NoticeAmended['data'], event) => {
    if (!state.terms) return unchanged(state);
    const terms: NoticeTerms = { ...state.terms };
    for (const [key, value] of Object.entries(data.changes)) {
      if (value !== undefined) Object.assign(terms, { [key]: value });
    }
    const amendment = {
      id: `amendment-${data.noticeVersion}`,
      date: data.amendedAt,
      rationale: data.reason,
      description: describeAmendment(state.terms, data.changes),
      ...(state.lastRelease ? { amendsReleaseID: state.lastRelease.key } : {}),
      releaseID: event.eventId,
    };
    return {
      state: {
        ...state,
        terms,
        amendments: [...state.amendments, amendment],
        ...(data.tenderingPeriod ? { tenderingPeriod: data.tenderingPeriod } : {}),
      },
      publish: { tag: 'tenderAmendment', at: data.amendedAt },
    };
  }) satisfies Handler<NoticeAmended['data']>,

  // Who asked is left behind here: it never enters publication's state.
  ClarificationRequested: ((state, data: ClarificationRequested['data']) => ({
    state: {
      ...state,
      pendingQuestions: {
        ...state.pendingQuestions,
        [data.questionId]: { question: data.question, askedAt: data.askedAt },
      },
    },
  })) satisfies Handler<ClarificationRequested['data']>,

  ClarificationAnswered: ((state, data: ClarificationAnswered['data']) => {
    const asked = state.pendingQuestions[data.questionId];
    if (!asked) return unchanged(state);
    const { [data.questionId]: _answered, ...pendingQuestions } = state.pendingQuestions;
    const clarification = {
      questionId: data.questionId,
      ...asked,
      answer: data.answer,
      answeredAt: data.answeredAt,
    };
    return {
      state: {
        ...state,
        pendingQuestions,
        clarifications: [...state.clarifications, clarification],
      },
      publish: { tag: 'tenderUpdate', at: data.answeredAt },
    };
  }) satisfies Handler<ClarificationAnswered['data']>,

  TenderingClosed: ((state, data: TenderingClosed['data']) => ({
    state: { ...state, closedAt: data.closedAt },
    publish: { tag: 'tenderUpdate', at: data.closedAt },
  })) satisfies Handler<TenderingClosed['data']>,

  // Only the bid streams the opening committed to, as they stood then; late-only streams hold no bid.
  BidsOpened: ((state, data: BidsOpened['data']) => {
    const openedBids = data.bidStreams
      .map(({ supplierId }) => ({ supplierId, facts: state.sealed.bids[supplierId] }))
      .filter(({ facts }) => facts !== undefined)
      .map(({ supplierId, facts }) => ({ supplierId, ...facts }))
      .sort((a, b) => (a.supplierId < b.supplierId ? -1 : a.supplierId > b.supplierId ? 1 : 0));
    return {
      state: { ...state, openedAt: data.openedAt, openedBids },
      publish: { tag: 'tenderUpdate', at: data.openedAt },
    };
  }) satisfies Handler<BidsOpened['data']>,

  // A termination notice also ends any award not yet in force (e.g. a challenge upheld with "cancel").
  TenderCancelled: ((state, data: TenderCancelled['data']) => ({
    state: {
      ...state,
      status: 'cancelled',
      cancellation: { reason: data.reason, cancelledAt: data.cancelledAt },
      awards: state.awards.map((award) =>
        award.status === 'pending'
          ? {
              ...award,
              status: 'cancelled',
              cancellation: { at: data.cancelledAt, reason: data.reason },
            }
          : award,
      ),
    },
    publish: { tag: 'tenderCancellation', at: data.cancelledAt },
  })) satisfies Handler<TenderCancelled['data']>,

  ...AWARD_HANDLERS,
  ...PLANNING_HANDLERS,
};

/** Bid streams: kept sealed in the state, and frozen once the bids are opened. */
const BID_HANDLERS: Record<string, Handler<never>> = {
  BidSubmitted: ((state, data: BidSubmitted['data']) =>
    withSealedBid(state, data.supplierId, {
      status: 'submitted',
      receivedAt: data.receivedAt,
    })) satisfies Handler<BidSubmitted['data']>,
  BidRevised: ((state, data: BidRevised['data']) =>
    withSealedBid(state, data.supplierId, {
      status: 'submitted',
      receivedAt: data.receivedAt,
    })) satisfies Handler<BidRevised['data']>,
  BidWithdrawn: ((state, data: BidWithdrawn['data']) => {
    const bid = state.sealed.bids[data.supplierId];
    return bid
      ? withSealedBid(state, data.supplierId, { ...bid, status: 'withdrawn' })
      : unchanged(state);
  }) satisfies Handler<BidWithdrawn['data']>,
};

function withSealedBid(
  state: PublicationState,
  supplierId: string,
  facts: PublicationState['sealed']['bids'][string],
): Outcome {
  if (state.openedAt) return unchanged(state);
  return { state: { ...state, sealed: { bids: { ...state.sealed.bids, [supplierId]: facts } } } };
}

/** Whether an event can matter to publication (cheap: the projection skips the rest). */
export function concernsPublication(event: Pick<PublicationEvent, 'type' | 'streamKind'>): boolean {
  if (event.streamKind === 'tender') {
    return (
      event.type === 'TenderDrafted' ||
      event.type === 'ProcurementOpened' ||
      Object.hasOwn(TENDER_HANDLERS, event.type)
    );
  }
  return event.streamKind === 'bid' && Object.hasOwn(BID_HANDLERS, event.type);
}

/**
 * Publication's `evolve`: the next state and, when the event is a public fact of a published tender,
 * the release that states it. A release is a full snapshot of what is public at that moment, so each
 * one stands alone and the compiled release is the last one merged over the earlier ones.
 */
export function evolvePublication(
  state: PublicationState | undefined,
  event: PublicationEvent,
): PublicationStep {
  if (!concernsPublication(event)) return { state };
  if (event.type === 'TenderDrafted') {
    if (state) return { state };
    const data = event.data as TenderDrafted['data'];
    return { state: initialPublicationState(data.tenderId, data.buyerOrganisationId) };
  }
  if (event.type === 'ProcurementOpened') {
    if (state) return { state };
    const data = event.data as ProcurementOpened['data'];
    return {
      state: {
        ...initialPublicationState(data.tenderId, data.buyerOrganisationId),
        planning: {
          need: data.need,
          budget: data.estimatedValue,
          cpvCodes: data.cpvCodes,
          route: data.route,
          publicSince: null,
          engagementNotice: null,
          materialTitles: {},
          shared: [],
          transparencyNotice: null,
        },
      },
    };
  }
  if (!state) return { state };
  // A state stored before the award stage was published has none of its fields yet.
  if (state.awards === undefined)
    state = { ...initialPublicationState(state.tenderId, state.buyerId), ...state };
  const handlers = event.streamKind === 'tender' ? TENDER_HANDLERS : BID_HANDLERS;
  const handle = handlers[event.type] as Handler<unknown>;
  const outcome = handle(state, event.data, event);
  // Nothing of a draft is public: a draft cancelled is never published. A procurement is public
  // from its first planning notice (issue 14).
  if (!outcome.publish || !isPublic(outcome.state)) return { state: outcome.state };
  const previous = outcome.state.lastRelease?.date;
  // Dates never go backwards within a tender, so date order and event order agree.
  const date = previous && previous > outcome.publish.at ? previous : outcome.publish.at;
  const next: PublicationState = {
    ...outcome.state,
    lastRelease: { key: event.eventId, date },
    releaseCount: outcome.state.releaseCount + 1,
  };
  return { state: next, release: buildRelease(next, outcome.publish.tag) };
}
