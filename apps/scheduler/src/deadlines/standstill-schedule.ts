import type { TenderEvent } from '@fairtender/domain';
import { idPart } from '../queues/queue-names';

export const STANDSTILL_END = 'standstill-end';

/** The job that records the end of one award round's standstill (`EndStandstill`). */
export interface StandstillJob {
  jobId: string;
  tenderId: string;
  kind: typeof STANDSTILL_END;
  /** The evaluation round whose award the standstill follows. */
  round: number;
  dueAt: string;
}

/** `<tenderId>:standstill-end:r<round>`: an award proposed again after re-evaluation gets a new id. */
export function standstillJobId(tenderId: string, round: number): string {
  return `${idPart(tenderId)}:${STANDSTILL_END}:r${round}`;
}

/** The standstill of the latest award, as far as its job is concerned. */
export interface StandstillSchedule {
  round: number;
  endsAt: string;
  /** Rounds whose standstill never ended here (their jobs must not run). */
  earlier: number[];
  /** Recorded as ended: the job that did it is left alone. */
  ended: boolean;
  /** The award it timed is gone (re-evaluation) or the contract is concluded: its job goes. */
  dropped: boolean;
}

/** Folds the events that start, end or void a standstill; the rest leave it as it is. */
export function evolveStandstill(
  standstill: StandstillSchedule | undefined,
  event: TenderEvent,
): StandstillSchedule | undefined {
  switch (event.type) {
    case 'StandstillStarted': {
      const { round, endsAt } = event.data;
      const earlier = standstill ? [...standstill.earlier] : [];
      if (standstill && !standstill.ended && standstill.round !== round) {
        earlier.push(standstill.round);
      }
      return { round, endsAt, earlier, ended: false, dropped: false };
    }
    case 'StandstillEnded':
      return standstill && standstill.round === event.data.round
        ? { ...standstill, ended: true }
        : standstill;
    case 'EvaluationReopened':
    case 'ContractConcluded':
      return standstill && !standstill.ended ? { ...standstill, dropped: true } : standstill;
    default:
      return standstill;
  }
}

/**
 * The standstill job wanted now (one, until its standstill is recorded as ended) and the ids that
 * must not run: earlier rounds', and the current one once its award is gone, the contract concluded
 * or the tender cancelled. An ended standstill's job is the one that ended it: left alone.
 */
export function planStandstill(
  tenderId: string,
  standstill: StandstillSchedule | undefined,
  cancelled: boolean,
): { wanted: StandstillJob[]; unwanted: string[] } {
  if (!standstill) return { wanted: [], unwanted: [] };
  const unwanted = standstill.earlier.map((round) => standstillJobId(tenderId, round));
  const jobId = standstillJobId(tenderId, standstill.round);
  if (standstill.ended) return { wanted: [], unwanted };
  if (standstill.dropped || cancelled) return { wanted: [], unwanted: [...unwanted, jobId] };
  const { round, endsAt } = standstill;
  return {
    wanted: [{ jobId, tenderId, kind: STANDSTILL_END, round, dueAt: endsAt }],
    unwanted,
  };
}
