import type {
  OpeningState,
  BidState,
  BidStreamHead,
  IncumbentExtension,
  RecordedDirectAward,
  IntegrityReport,
  RecordedChangeFlags,
  RedFlagCode,
  TenderStage,
  TenderState,
  TenderView,
} from '@fairtender/domain';
import type { TableSpec } from '../runner/row-table';

/** What `integrityReport` reads of a bid: whether it stands, and when it was received. */
export type IntegrityBid = Pick<BidState, 'status' | 'receivedAt'>;

/**
 * The tender view as the integrity projection keeps it: what `integrityReport` reads and nothing
 * more — of a bid its status and time of receipt, of the opened bid streams their suppliers (not
 * their stream names, revisions or hashes), never the tender's wrapped data key. A `TenderView`
 * with less in it: the report is computed from it as one.
 */
export interface IntegrityView extends Omit<TenderView, 'tender' | 'bids'> {
  tender: Omit<TenderState, 'opening'> & {
    opening: Omit<OpeningState, 'sealingKey' | 'bidStreams'> & {
      bidStreams?: Pick<BidStreamHead, 'supplierId'>[];
    };
  };
  bids: Record<string, IntegrityBid>;
}

/** What the integrity projection keeps per tender between batches (never served as such). */
export interface IntegrityState {
  /** Folded from the tender's streams, slimmed to what the report reads. */
  view: IntegrityView;
  contractChanges: RecordedChangeFlags[];
  /** The winner's extended contracts with this buyer, found when the award was made. */
  incumbentExtensions: IncumbentExtension[];
  /** The buyer's direct awards to the winner on other tenders, found when the award was made (absent on older states). */
  directAwards?: RecordedDirectAward[];
  /** flag key → the flag row as last written, to write only what changed. */
  writtenFlags: Record<string, string>;
}

/** The state as stored: its sheets' scores are `IntegrityScoreRow`s (see integrity-state-store). */
export interface IntegrityStateRow {
  tenderId: string;
  state: IntegrityState;
  position: string;
}

export interface IntegrityScoreRow {
  tenderId: string;
  evaluatorId: string;
  supplierId: string;
  criterionId: string;
  score: number;
  justification: string;
  scoredAt: string;
}

export interface IntegrityRow {
  tenderId: string;
  buyerOrganisationId: string;
  stage: Exclude<TenderStage, 'none'>;
  report: IntegrityReport;
  redFlagCount: number;
  /** "<commit>-<prepare>" of the last event that changed the report. */
  position: string;
}

export interface RedFlagRow {
  tenderId: string;
  flagKey: string;
  code: RedFlagCode;
  title: string;
  evidence: Record<string, unknown>;
  raisedAt: string;
  buyerOrganisationId: string;
  supplierId: string | null;
}

export interface ContractExtensionRow {
  tenderId: string;
  changeId: string;
  buyerOrganisationId: string;
  supplierId: string;
  contractId: string;
  addedMonths: number;
  approvedAt: string;
  position: string;
}

export const INTEGRITY_STATES: TableSpec<IntegrityStateRow> = {
  table: 'rm_integrity_states',
  columns: ['tenderId', 'state', 'position'],
  keyColumns: ['tenderId'],
  timeColumns: [],
};

export const INTEGRITY_SCORES: TableSpec<IntegrityScoreRow> = {
  table: 'rm_integrity_scores',
  columns: [
    'tenderId',
    'evaluatorId',
    'supplierId',
    'criterionId',
    'score',
    'justification',
    'scoredAt',
  ],
  keyColumns: ['tenderId', 'evaluatorId', 'supplierId', 'criterionId'],
  timeColumns: [],
};

export const INTEGRITY: TableSpec<IntegrityRow> = {
  table: 'rm_integrity',
  columns: ['tenderId', 'buyerOrganisationId', 'stage', 'report', 'redFlagCount', 'position'],
  keyColumns: ['tenderId'],
  timeColumns: [],
};

export const RED_FLAGS: TableSpec<RedFlagRow> = {
  table: 'rm_red_flags',
  columns: [
    'tenderId',
    'flagKey',
    'code',
    'title',
    'evidence',
    'raisedAt',
    'buyerOrganisationId',
    'supplierId',
  ],
  keyColumns: ['tenderId', 'flagKey'],
  timeColumns: ['raisedAt'],
};

/** rm_direct_awards: each tender's direct award, for FT-REPEATED-DIRECT-AWARD on the buyer's others. */
export interface DirectAwardRow {
  tenderId: string;
  buyerOrganisationId: string;
  supplierId: string;
  ground: string | null;
  awardedAt: string;
  position: string;
}

export const DIRECT_AWARDS: TableSpec<DirectAwardRow> = {
  table: 'rm_direct_awards',
  columns: ['tenderId', 'buyerOrganisationId', 'supplierId', 'ground', 'awardedAt', 'position'],
  keyColumns: ['tenderId'],
  timeColumns: ['awardedAt'],
};

export const CONTRACT_EXTENSIONS: TableSpec<ContractExtensionRow> = {
  table: 'rm_contract_extensions',
  columns: [
    'tenderId',
    'changeId',
    'buyerOrganisationId',
    'supplierId',
    'contractId',
    'addedMonths',
    'approvedAt',
    'position',
  ],
  keyColumns: ['tenderId', 'changeId'],
  timeColumns: ['approvedAt'],
};
