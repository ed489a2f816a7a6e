import {
  parseTenderStream,
  type ClarificationAnswered,
  type NoticeAmended,
  type TenderCancelled,
  type TenderingClosed,
  type TenderState,
} from '@fairtender/domain';

/** The body of a delivery: public facts only, never a supplier's identity or sealed content. */
export interface WebhookNotification {
  /** The id of the event it reports: the same for every supplier, so a receiver can de-duplicate. */
  id: string;
  type: NotificationType;
  tenderId: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export type NotificationType =
  'clarification.answered' | 'notice.amended' | 'tender.cancelled' | 'tendering.closed';

/** Who hears of it. Issue 4 adds per-bidder notices (assessment summaries) as `{ kind: 'suppliers' }`. */
export type Audience =
  { kind: 'every-supplier' } | { kind: 'suppliers'; of: (event: NotifiableEvent) => string[] };

/** What the mapping needs of a stored event (RecordedEvent has it all). */
export interface NotifiableEvent {
  eventId: string;
  type: string;
  streamName: string;
  data: unknown;
}

interface Mapping<Data> {
  type: NotificationType;
  audience: Audience;
  /**
   * The public body, each field named (never spread from the event, so a field added to an event later
   * cannot leak), or undefined when there is nothing public to say. `tender` is the tender stream
   * folded, for what the event itself does not carry (the question an answer replies to).
   */
  notify: (
    data: Data,
    tender: TenderState,
  ) => { occurredAt: string; data: Record<string, unknown> } | undefined;
}

const EVERY_SUPPLIER: Audience = { kind: 'every-supplier' };

/**
 * Tender-stream events that suppliers hear about, by event type. To notify another event, add a line:
 * issue 4 brings `AssessmentSummaryIssued` (to each bidder), `StandstillStarted`, `StandstillEnded`,
 * `ChallengeLodged` and `ChallengeResolved`.
 */
export const NOTIFIED_EVENTS = {
  ClarificationAnswered: {
    type: 'clarification.answered',
    audience: EVERY_SUPPLIER,
    notify: (data: ClarificationAnswered['data'], tender) => ({
      occurredAt: data.answeredAt,
      data: {
        title: tender.terms?.title,
        questionId: data.questionId,
        // The question is public with its answer; who asked it is not (rule 6).
        question: Object.hasOwn(tender.clarifications, data.questionId)
          ? tender.clarifications[data.questionId].question
          : undefined,
        answer: data.answer,
        answeredAt: data.answeredAt,
      },
    }),
  } satisfies Mapping<ClarificationAnswered['data']>,
  NoticeAmended: {
    type: 'notice.amended',
    audience: EVERY_SUPPLIER,
    notify: (data: NoticeAmended['data'], tender) => ({
      occurredAt: data.amendedAt,
      data: {
        title: tender.terms?.title,
        noticeVersion: data.noticeVersion,
        changes: data.changes,
        reason: data.reason,
        amendedAt: data.amendedAt,
      },
    }),
  } satisfies Mapping<NoticeAmended['data']>,
  TenderCancelled: {
    type: 'tender.cancelled',
    audience: EVERY_SUPPLIER,
    // A draft was never public: its cancellation is nobody's news.
    notify: (data: TenderCancelled['data'], tender) =>
      data.stage === 'draft'
        ? undefined
        : {
            occurredAt: data.cancelledAt,
            data: {
              title: tender.terms?.title,
              reason: data.reason,
              cancelledAt: data.cancelledAt,
              stage: data.stage,
            },
          },
  } satisfies Mapping<TenderCancelled['data']>,
  TenderingClosed: {
    type: 'tendering.closed',
    audience: EVERY_SUPPLIER,
    notify: (data: TenderingClosed['data'], tender) => ({
      occurredAt: data.closedAt,
      data: {
        title: tender.terms?.title,
        closedAt: data.closedAt,
        submissionDeadline: data.submissionDeadline,
      },
    }),
  } satisfies Mapping<TenderingClosed['data']>,
} as const;

type NotifiedType = keyof typeof NOTIFIED_EVENTS;

export function isNotified(event: Pick<NotifiableEvent, 'type' | 'streamName'>): boolean {
  return (
    Object.hasOwn(NOTIFIED_EVENTS, event.type) &&
    parseTenderStream(event.streamName)?.kind === 'tender'
  );
}

export interface PlannedNotification {
  notification: WebhookNotification;
  audience: Audience;
}

/**
 * The notification an event gives rise to, with its audience; undefined for events nobody is told of.
 * `tender` is the tender's stream folded (any later state will do: only immutable facts are read).
 */
export function notificationFor(
  event: NotifiableEvent,
  tender: TenderState,
): PlannedNotification | undefined {
  if (!isNotified(event)) return undefined;
  const tenderId = parseTenderStream(event.streamName)!.tenderId;
  const mapping = NOTIFIED_EVENTS[event.type as NotifiedType] as Mapping<unknown>;
  const body = mapping.notify(event.data, tender);
  if (!body) return undefined;
  return {
    notification: { id: event.eventId, type: mapping.type, tenderId, ...body },
    audience: mapping.audience,
  };
}

/** The suppliers to deliver to, of those with a webhook. */
export function recipientsOf(
  audience: Audience,
  event: NotifiableEvent,
  registered: readonly string[],
): string[] {
  if (audience.kind === 'every-supplier') return [...registered];
  const named = new Set(audience.of(event));
  return registered.filter((supplierId) => named.has(supplierId));
}
