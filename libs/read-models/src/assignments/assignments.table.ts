import type { EvaluatorWorkload, TenderStage } from '@fairtender/domain';
import type { TableSpec } from '../runner/row-table';

/**
 * A tender's facts that its evaluators' work follows from, kept from its draft on (compliance can be
 * recorded before any panel is appointed). Not shown by itself: `rm_evaluator_assignments` is.
 */
export interface EvaluationTenderRow {
  tenderId: string;
  buyerOrganisationId: string;
  title: string | null;
  stage: TenderStage;
  round: number;
  /** The criterion ids evaluators score. */
  qualityCriteria: string[];
  /** supplierId → whether its bid stands or was withdrawn, as its bid stream says. */
  bids: Record<string, 'submitted' | 'withdrawn'>;
  /** The suppliers whose bid streams the opening anchored; null until opened. */
  opened: string[] | null;
  /** supplierId → the latest compliance decision. */
  compliance: Record<string, 'passed' | 'excluded'>;
  /** The latest appointment, and its members who count. */
  appointed: string[];
  panel: string[];
}

/** One evaluator's seat on one tender's panel and its work there (`evaluatorWorkload`). */
export interface AssignmentRow extends Omit<EvaluatorWorkload, 'submitted'> {
  tenderId: string;
  evaluatorId: string;
  buyerOrganisationId: string;
  title: string | null;
  stage: TenderStage;
  round: number;
  /** supplierId → whether it declared a conflict of interest with the supplier. */
  declarations: Record<string, boolean>;
  /** supplierId → the criteria it scored with a written justification. */
  scored: Record<string, string[]>;
  /** Its last submission's round and time. */
  submittedRound: number | null;
  submittedAt: string | null;
  /** When the appointment that named it (again) was made. */
  appointedAt: string;
  /** When the last event of the tender's evaluation that concerns this seat happened. */
  updatedAt: string;
}

/** What a seat's row holds of its own; the rest is the tender's and the work computed from both. */
export type SeatFacts = Pick<
  AssignmentRow,
  | 'tenderId'
  | 'evaluatorId'
  | 'declarations'
  | 'scored'
  | 'submittedRound'
  | 'submittedAt'
  | 'appointedAt'
>;

export const EVALUATION_TENDERS: TableSpec<EvaluationTenderRow> = {
  table: 'rm_evaluation_tenders',
  columns: [
    'tenderId',
    'buyerOrganisationId',
    'title',
    'stage',
    'round',
    'qualityCriteria',
    'bids',
    'opened',
    'compliance',
    'appointed',
    'panel',
  ],
  keyColumns: ['tenderId'],
  timeColumns: [],
};

export const ASSIGNMENTS: TableSpec<AssignmentRow> = {
  table: 'rm_evaluator_assignments',
  columns: [
    'tenderId',
    'evaluatorId',
    'buyerOrganisationId',
    'title',
    'stage',
    'round',
    'membership',
    'status',
    'bidsToScore',
    'bidsAwaitingCompliance',
    'declarationsDue',
    'cellsExpected',
    'cellsScored',
    'declarations',
    'scored',
    'submittedRound',
    'submittedAt',
    'appointedAt',
    'updatedAt',
  ],
  keyColumns: ['tenderId', 'evaluatorId'],
  timeColumns: ['submittedAt', 'appointedAt', 'updatedAt'],
};
