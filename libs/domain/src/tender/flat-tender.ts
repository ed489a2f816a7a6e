import type { AwardState } from './award-state';
import type { AwardProposal } from './events/award';
import type { BidStreamHead } from './events/notice';
import type { NoticeState, TenderState } from './state';

/**
 * A tender as one flat record: the shape the legal state view answers and the integrity read model
 * stores, as both did before the state was cut into per-stage slices. Kept so neither the API nor
 * stored rows change (docs/architecture.md, "The tender aggregate").
 */
export type FlatTenderState = Omit<TenderState, 'notice' | 'opening' | 'award'> &
  Omit<NoticeState, 'version' | 'cancelled'> & {
    noticeVersion: number;
    cancelledAt?: string;
    cancellationReason?: string;
    sealingKey?: { keyId: string; wrappedKey: string };
    closedAt?: string;
    openingConfirmation?: { officerId: string; confirmedAt: string };
    openedAt?: string;
    openedBy?: [string, string];
    openedBidStreams?: BidStreamHead[];
    pendingAward?: AwardProposal;
    award?: AwardState;
    unsuccessful?: { reason: string; declaredAt: string };
  };

export function flattenTender(state: TenderState): FlatTenderState {
  const { notice, opening, award, ...rest } = state;
  const { version, cancelled, ...published } = notice;
  const { confirmation, bidStreams, ...opened } = opening;
  return {
    ...rest,
    ...published,
    noticeVersion: version,
    ...(cancelled ? { cancelledAt: cancelled.at, cancellationReason: cancelled.reason } : {}),
    ...opened,
    ...(confirmation ? { openingConfirmation: confirmation } : {}),
    ...(bidStreams ? { openedBidStreams: bidStreams } : {}),
    ...(award.pending ? { pendingAward: award.pending } : {}),
    ...(award.awarded ? { award: award.awarded } : {}),
    ...(award.unsuccessful ? { unsuccessful: award.unsuccessful } : {}),
  };
}

export function unflattenTender(flat: FlatTenderState): TenderState {
  const {
    stage,
    tenderId,
    buyerOrganisationId,
    evaluation,
    challenges,
    contract,
    noticeVersion,
    cancelledAt,
    cancellationReason,
    terms,
    publishedAt,
    lastAmendedAt,
    tenderingPeriod,
    clarifications,
    clarificationPeriodClosedAt,
    sealingKey,
    closedAt,
    openingConfirmation,
    openedAt,
    openedBy,
    openedBidStreams,
    pendingAward,
    award,
    unsuccessful,
  } = flat;
  return defined({
    stage,
    tenderId,
    buyerOrganisationId,
    notice: defined({
      terms,
      version: noticeVersion,
      publishedAt,
      lastAmendedAt,
      tenderingPeriod,
      clarifications,
      clarificationPeriodClosedAt,
      cancelled:
        cancelledAt === undefined
          ? undefined
          : { at: cancelledAt, reason: cancellationReason ?? '' },
    }),
    opening: defined({
      sealingKey,
      closedAt,
      confirmation: openingConfirmation,
      openedAt,
      openedBy,
      bidStreams: openedBidStreams,
    }),
    evaluation,
    award: defined({ pending: pendingAward, awarded: award, unsuccessful }),
    challenges,
    contract,
  });
}

/** Leaves out the keys whose value is undefined, as the fold never writes them. */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
