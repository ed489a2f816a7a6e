import type { TableSpec } from '../runner/row-table';

export interface ClarificationRow {
  tenderId: string;
  questionId: string;
  question: string;
  askedAt: string;
  answer: string | null;
  answeredAt: string | null;
  /** The asker: for the buyer's records, never in public answers. */
  supplierId: string;
}

export const CLARIFICATIONS: TableSpec<ClarificationRow> = {
  table: 'rm_clarifications',
  columns: ['tenderId', 'questionId', 'question', 'askedAt', 'answer', 'answeredAt', 'supplierId'],
  keyColumns: ['tenderId', 'questionId'],
  timeColumns: ['askedAt', 'answeredAt'],
};
