import type { ReducedPeriodGround } from './terms';

/** What publication or an amendment records of the tendering period it allowed. */
export interface TenderingPeriodRecord {
  /** The statutory minimum that applied, in calendar days, and its source. */
  floorDays: number;
  source: string;
  /** The period the notice gives, counted as the law counts it. */
  givenDays: number;
  /** The earliest submission deadline the minimum allowed. */
  earliestDeadline: string;
  /** Present when the period is below the normal minimum and relies on a listed ground. */
  reduced?: {
    ground: ReducedPeriodGround;
    justification: string;
    priorNoticePublishedAt?: string;
    normalFloorDays: number;
    normalSource: string;
  };
}
