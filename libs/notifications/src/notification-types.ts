import type { TenderState } from '@fairtender/domain';

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
  | 'clarification.answered'
  | 'notice.amended'
  | 'tender.cancelled'
  | 'tendering.closed'
  | 'assessment-summary.issued'
  | 'standstill.started'
  | 'standstill.ended'
  | 'award.suspended'
  | 'challenge.resolved'
  | 'tender.unsuccessful'
  | 'contract.concluded'
  | 'contract.change-published'
  | 'contract.performance-notice'
  | 'contract.terminated'
  | 'performance.overdue'
  | 'audit-checkpoint.missed';

/**
 * Who hears of it: every supplier with a webhook (public notices), or only the suppliers `of` names
 * (each bidder its own assessment summary; the award stage's notices to those who bid). `tender` is
 * the tender stream folded, as for `Mapping.notify`.
 */
export type Audience =
  | { kind: 'every-supplier' }
  | { kind: 'suppliers'; of: (event: NotifiableEvent, tender: TenderState) => string[] };

/** What the mapping needs of a stored event (RecordedEvent has it all). */
export interface NotifiableEvent {
  eventId: string;
  type: string;
  streamName: string;
  data: unknown;
}

export interface Mapping<Data> {
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

export const EVERY_SUPPLIER: Audience = { kind: 'every-supplier' };
