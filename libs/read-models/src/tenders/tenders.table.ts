import type {
  AwardCriterion,
  AmendableTerms,
  Jurisdiction,
  Money,
  Procedure,
  ScoringScale,
  TenderingPeriodRecord,
  TenderStage,
} from '@fairtender/domain';
import type { TableSpec } from '../runner/row-table';

/**
 * Rows of the read-model tables, camelCase (columns are the snake_case of each key). Times are ISO
 * 8601 UTC strings; absent values are `null`. Queries return these shapes as they are.
 */
export interface Amendment {
  noticeVersion: number;
  changes: AmendableTerms;
  reason: string;
  amendedAt: string;
}

export interface TenderRow {
  tenderId: string;
  buyerOrganisationId: string;
  stage: Exclude<TenderStage, 'none'>;
  title: string | null;
  description: string | null;
  cpvCodes: string[] | null;
  estimatedValue: Money | null;
  procedure: Procedure | null;
  awardCriteria: AwardCriterion[] | null;
  scoringScale: ScoringScale | null;
  minimumBids: number | null;
  evaluatorCount: number | null;
  clarificationDeadline: string | null;
  submissionDeadline: string | null;
  minimumResponseDays: number | null;
  jurisdiction: Jurisdiction | null;
  /** 0 while a draft; 1 when published; +1 per amendment. */
  noticeVersion: number;
  draftedAt: string;
  publishedAt: string | null;
  /** The statutory minimum the notice was held to, as publication or the last deadline amendment recorded it. */
  tenderingPeriod: TenderingPeriodRecord | null;
  lastAmendedAt: string | null;
  closedAt: string | null;
  openedAt: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
  amendments: Amendment[];
  /** Revision of the last event of the tender stream: the stream's ETag. */
  lastRevision: number;
}

export const TENDERS: TableSpec<TenderRow> = {
  table: 'rm_tenders',
  columns: [
    'tenderId',
    'buyerOrganisationId',
    'stage',
    'title',
    'description',
    'cpvCodes',
    'estimatedValue',
    'procedure',
    'awardCriteria',
    'scoringScale',
    'minimumBids',
    'evaluatorCount',
    'clarificationDeadline',
    'submissionDeadline',
    'minimumResponseDays',
    'jurisdiction',
    'noticeVersion',
    'draftedAt',
    'publishedAt',
    'tenderingPeriod',
    'lastAmendedAt',
    'closedAt',
    'openedAt',
    'cancelledAt',
    'cancellationReason',
    'amendments',
    'lastRevision',
  ],
  keyColumns: ['tenderId'],
  timeColumns: [
    'clarificationDeadline',
    'submissionDeadline',
    'draftedAt',
    'publishedAt',
    'lastAmendedAt',
    'closedAt',
    'openedAt',
    'cancelledAt',
  ],
};
