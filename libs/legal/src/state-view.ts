import {
  flattenTender,
  type BidStatus,
  type Clarification,
  type EvaluatorSheet,
  type FlatTenderState,
  type TenderState,
} from '@fairtender/domain';
import { formatPosition } from '@fairtender/event-store';
import { describeMoment, type Moment } from './moment';
import type { ReplayedTender } from './replay';
import type { SealingPolicy } from './sealing';

/**
 * The tender as replay shows it, the flat record the API has always answered (`flattenTender`):
 * the wrapped key withheld, askers withheld while sealed.
 */
export type RedactedTenderState = Omit<FlatTenderState, 'sealingKey' | 'clarifications'> & {
  sealingKey?: { keyId: string };
  clarifications: Record<string, Omit<Clarification, 'supplierId'> & { supplierId?: string }>;
};

/** Before opening: exactly what the officer's register shows, nothing that identifies a bidder. */
export interface SealedBids {
  sealed: true;
  bidCount: number;
  withdrawnCount: number;
  lateAttempts: number;
  receiptTimes: string[];
}

export interface BidView {
  supplierId: string;
  streamName: string;
  status: BidStatus;
  contentHash: string | null;
  sizeBytes: number | null;
  firstReceivedAt: string | null;
  receivedAt: string | null;
  noticeVersion: number | null;
  revisionCount: number;
  lateAttempts: number;
  /** The bid stream's last event at this moment. */
  head: { revision: number; hash: string };
}

export interface OpenedBids {
  sealed: false;
  bidCount: number;
  withdrawnCount: number;
  lateAttempts: number;
  items: BidView[];
}

export interface TenderStateView {
  tenderId: string;
  moment: string;
  /** The last event folded: the state is exactly the fold of every event up to it. */
  asOf: { position: string | null; recordedAt: string | null; events: number };
  tender: RedactedTenderState;
  bids: SealedBids | OpenedBids;
  /** evaluatorId → declarations and scores (evaluator streams exist only after opening). */
  evaluators: Record<string, EvaluatorSheet>;
  refusals: { total: number; byType: Record<string, number> };
  auditRecords: number;
}

export function stateView(
  tenderId: string,
  moment: Moment,
  replayed: ReplayedTender,
  policy: SealingPolicy,
): TenderStateView {
  const bids = [...replayed.bids.values()];
  const standing = bids.filter((bid) => bid.state.status === 'submitted');
  const counts = {
    bidCount: standing.length,
    withdrawnCount: bids.filter((bid) => bid.state.status === 'withdrawn').length,
    lateAttempts: bids.reduce((sum, bid) => sum + bid.state.lateAttempts, 0),
  };
  return {
    tenderId,
    moment: describeMoment(moment),
    asOf: {
      position: replayed.lastPosition ? formatPosition(replayed.lastPosition) : null,
      recordedAt: replayed.lastRecordedAt?.toISOString() ?? null,
      events: replayed.events,
    },
    tender: redactedTender(replayed.tender, policy),
    bids: policy.sealed
      ? {
          sealed: true,
          ...counts,
          receiptTimes: standing.map((bid) => bid.state.receivedAt ?? '').sort(),
        }
      : {
          sealed: false,
          ...counts,
          items: bids
            .map(({ supplierId, streamName, state, head }) => ({
              supplierId,
              streamName,
              status: state.status,
              contentHash: state.contentHash ?? null,
              sizeBytes: state.sizeBytes ?? null,
              firstReceivedAt: state.firstReceivedAt ?? null,
              receivedAt: state.receivedAt ?? null,
              noticeVersion: state.noticeVersion ?? null,
              revisionCount: state.revisionCount,
              lateAttempts: state.lateAttempts,
              head,
            }))
            .sort((a, b) => a.supplierId.localeCompare(b.supplierId)),
        },
    evaluators: structuredClone(replayed.sheets),
    refusals: {
      total: Object.values(replayed.refusals).reduce((sum, n) => sum + n, 0),
      byType: { ...replayed.refusals },
    },
    auditRecords: replayed.auditRecords,
  };
}

function redactedTender(state: TenderState, policy: SealingPolicy): RedactedTenderState {
  const { sealingKey, clarifications, ...rest } = flattenTender(state);
  const shown: RedactedTenderState['clarifications'] = {};
  for (const [id, clarification] of Object.entries(clarifications)) {
    const { supplierId, ...question } = clarification;
    shown[id] = policy.sealed ? question : { ...question, supplierId };
  }
  return {
    ...rest,
    ...(sealingKey ? { sealingKey: { keyId: sealingKey.keyId } } : {}),
    clarifications: shown,
  };
}
