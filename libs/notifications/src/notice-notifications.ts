import {
  parseTenderStream,
  type ClarificationAnswered,
  type NoticeAmended,
  type TenderCancelled,
  type TenderingClosed,
  type TenderState,
} from '@fairtender/domain';
import { AWARD_NOTIFIED_EVENTS } from './award-notifications';
import {
  EVERY_SUPPLIER,
  type Audience,
  type Mapping,
  type NotifiableEvent,
  type WebhookNotification,
} from './notification-types';

export type {
  Audience,
  NotifiableEvent,
  NotificationType,
  WebhookNotification,
} from './notification-types';

/**
 * Tender-stream events that suppliers hear about, by event type. To notify another event, add a line
 * here (or, for the award stage, in award-notifications.ts).
 */
export const NOTIFIED_EVENTS = {
  ...AWARD_NOTIFIED_EVENTS,
  ClarificationAnswered: {
    type: 'clarification.answered',
    audience: EVERY_SUPPLIER,
    notify: (data: ClarificationAnswered['data'], tender) => ({
      occurredAt: data.answeredAt,
      data: {
        title: tender.notice.terms?.title,
        questionId: data.questionId,
        // The question is public with its answer; who asked it is not (rule 6).
        question: Object.hasOwn(tender.notice.clarifications, data.questionId)
          ? tender.notice.clarifications[data.questionId].question
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
        title: tender.notice.terms?.title,
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
              title: tender.notice.terms?.title,
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
        title: tender.notice.terms?.title,
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

/** The suppliers to deliver to, of those with a webhook. `tender`: as for `notificationFor`. */
export function recipientsOf(
  audience: Audience,
  event: NotifiableEvent,
  registered: readonly string[],
  tender: TenderState,
): string[] {
  if (audience.kind === 'every-supplier') return [...registered];
  const named = new Set(audience.of(event, tender));
  return registered.filter((supplierId) => named.has(supplierId));
}
